#pragma once

#include <optional>
#include <string>

#include "domain/structure.hpp"
#include "store/list_options.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

struct UserWithPassword {
  domain::User user;
  std::string password_hash;
};

class UserRepository {
 public:
  explicit UserRepository(sql::Connection& connection) : db_(connection) {}

  // Fills in user.id. Throws Error(kInvalidInput, "username") when the name is taken.
  void Insert(domain::User& user, const std::string& password_hash);
  void Update(const domain::User& user);
  void SetPassword(domain::Id user_id, const std::string& password_hash);

  std::optional<domain::User> FindByUuid(const std::string& uuid);
  std::optional<domain::User> FindById(domain::Id id);
  std::optional<UserWithPassword> FindByUsername(const std::string& username);
  Page<domain::User> List(const Visibility& visibility, const ListOptions& options);
  std::int64_t Count();

  void InsertToken(const std::string& token_hash, domain::Id user_id, const std::string& created);
  std::optional<domain::User> FindByTokenHash(const std::string& token_hash);

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
