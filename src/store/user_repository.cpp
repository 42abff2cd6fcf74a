#include "store/user_repository.hpp"

#include "domain/error.hpp"
#include "store/sql/order_by.hpp"
#include "store/sql/user_queries.hpp"

namespace orderly::store {
namespace {

domain::User ToUser(const sql::Row& row) {
  return domain::User{
      .id = row.Int(0),
      .uuid = row.Text(1),
      .username = row.Text(2),
      .email = row.Text(3),
      .full_name = row.Text(4),
      .is_staff = row.Bool(5),
      .is_support = row.Bool(6),
      .is_active = row.Bool(7),
      .date_joined = row.Text(8),
  };
}

std::optional<domain::User> FirstUser(const sql::Result& result) {
  if (result.rows.empty()) return std::nullopt;
  return ToUser(result.rows.front());
}

}  // namespace

void UserRepository::Insert(domain::User& user, const std::string& password_hash) {
  try {
    auto result = db_.Query(sql::kInsertUser,
                            {user.uuid, user.username, user.email, user.full_name,
                             sql::Flag(user.is_staff), sql::Flag(user.is_support),
                             sql::Flag(user.is_active), password_hash, user.date_joined});
    user.id = result.rows.at(0).Int(0);
  } catch (const sql::UniqueViolation&) {
    throw InvalidField("username", "A user with that username already exists.");
  }
}

void UserRepository::Update(const domain::User& user) {
  db_.Query(sql::kUpdateUser, {user.email, user.full_name, sql::Flag(user.is_staff),
                               sql::Flag(user.is_support), sql::Flag(user.is_active), user.id});
}

void UserRepository::SetPassword(domain::Id user_id, const std::string& password_hash) {
  db_.Query(sql::kSetUserPassword, {password_hash, user_id});
}

std::optional<domain::User> UserRepository::FindByUuid(const std::string& uuid) {
  return FirstUser(db_.Query(sql::kSelectUserByUuid, {uuid}));
}

std::optional<domain::User> UserRepository::FindById(domain::Id id) {
  return FirstUser(db_.Query(sql::kSelectUserById, {id}));
}

std::optional<UserWithPassword> UserRepository::FindByUsername(const std::string& username) {
  auto result = db_.Query(sql::kSelectUserByUsername, {username});
  if (result.rows.empty()) return std::nullopt;
  const auto& row = result.rows.front();
  return UserWithPassword{ToUser(row), row.Text(9)};
}

Page<domain::User> UserRepository::List(const Visibility& visibility, const ListOptions& options) {
  const std::string query =
      std::string(sql::kSelectUsersVisible) +
      sql::OrderAndPage(options,
                        {{"username", "username"}, {"full_name", "full_name"},
                         {"email", "email"}, {"date_joined", "date_joined"}},
                        "username", 3);
  Page<domain::User> page;
  for (const auto& row : db_.Query(query, {sql::Flag(visibility.everything), visibility.user_id,
                                           options.limit, options.offset})
                             .rows) {
    page.items.push_back(ToUser(row));
  }
  page.total = db_.Query(sql::kCountUsersVisible,
                         {sql::Flag(visibility.everything), visibility.user_id})
                   .rows.at(0)
                   .Int(0);
  return page;
}

std::int64_t UserRepository::Count() { return db_.Query(sql::kCountUsers).rows.at(0).Int(0); }

void UserRepository::InsertToken(const std::string& token_hash, domain::Id user_id,
                                 const std::string& created) {
  db_.Query(sql::kInsertToken, {token_hash, user_id, created});
}

std::optional<domain::User> UserRepository::FindByTokenHash(const std::string& token_hash) {
  return FirstUser(db_.Query(sql::kSelectUserByTokenHash, {token_hash}));
}

}  // namespace orderly::store
