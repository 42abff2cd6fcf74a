#pragma once

#include <optional>
#include <string>

#include "domain/login_throttle.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

// Failed logins per username (login abuse), shared by every node on the database.
class LoginFailureRepository {
 public:
  explicit LoginFailureRepository(sql::Connection& connection) : db_(connection) {}

  std::optional<domain::LoginFailures> Find(const std::string& username);
  void Save(const std::string& username, const domain::LoginFailures& record);
  void Clear(const std::string& username);

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
