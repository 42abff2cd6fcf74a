#include "store/login_failure_repository.hpp"

#include "store/sql/login_failure_queries.hpp"

namespace orderly::store {

std::optional<domain::LoginFailures> LoginFailureRepository::Find(const std::string& username) {
  const auto result = db_.Query(sql::kSelectLoginFailures, {username});
  if (result.rows.empty()) return std::nullopt;
  const auto& row = result.rows.front();
  return domain::LoginFailures{.failures = static_cast<int>(row.Int(0)),
                               .first_failure = row.Text(1),
                               .locked_until = row.Text(2)};
}

void LoginFailureRepository::Save(const std::string& username,
                                  const domain::LoginFailures& record) {
  db_.Query(sql::kUpsertLoginFailures, {username, static_cast<std::int64_t>(record.failures),
                                        record.first_failure, record.locked_until});
}

void LoginFailureRepository::Clear(const std::string& username) {
  db_.Query(sql::kDeleteLoginFailures, {username});
}

}  // namespace orderly::store
