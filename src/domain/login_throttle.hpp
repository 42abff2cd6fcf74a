#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace orderly::domain {

// Login abuse (issue 9; docs/decisions.md): the only place that holds the numbers.
inline constexpr int kMaxFailedLogins = 5;  // failures that lock a username ...
inline constexpr long long kFailedLoginWindowSeconds = 15 * 60;  // ... within this window
inline constexpr long long kLoginLockoutSeconds = 15 * 60;       // refused (429) this long

// The failed logins recorded for one username.
struct LoginFailures {
  int failures = 0;
  std::string first_failure;  // timestamp of the first failure of the current window
  std::string locked_until;   // empty: not locked
};

// Seconds a login for this username must still wait (Retry-After), or 0 when it may try now.
long long LoginLockedFor(const std::optional<LoginFailures>& record, std::string_view now);

// The record after one more failed login at `now`: a window that has passed (or a lock-out that
// has run out) starts again from this failure; the kMaxFailedLogins-th failure in a window locks.
LoginFailures AfterFailedLogin(const std::optional<LoginFailures>& record, std::string_view now);

}  // namespace orderly::domain
