#pragma once

namespace orderly::store::sql {

inline constexpr const char* kSelectLoginFailures =
    "SELECT failures, first_failure, locked_until FROM login_failures WHERE username = $1";
inline constexpr const char* kUpsertLoginFailures =
    "INSERT INTO login_failures (username, failures, first_failure, locked_until) VALUES ($1, $2, "
    "$3, $4) "
    "ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, "
    "first_failure = excluded.first_failure, locked_until = excluded.locked_until";
inline constexpr const char* kDeleteLoginFailures =
    "DELETE FROM login_failures WHERE username = $1";

}  // namespace orderly::store::sql
