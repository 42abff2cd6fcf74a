#include "domain/login_throttle.hpp"

#include "domain/dates.hpp"

namespace orderly::domain {

long long LoginLockedFor(const std::optional<LoginFailures>& record, std::string_view now) {
  if (!record || record->locked_until.empty()) return 0;
  return SecondsUntil(now, record->locked_until);
}

LoginFailures AfterFailedLogin(const std::optional<LoginFailures>& record, std::string_view now) {
  const bool lock_ran_out = record && !record->locked_until.empty() && record->locked_until <= now;
  const bool window_passed =
      record && AddSeconds(record->first_failure, kFailedLoginWindowSeconds) <= now;
  LoginFailures next;
  if (!record || lock_ran_out || window_passed) {
    next = LoginFailures{.failures = 1, .first_failure = std::string(now)};
  } else {
    next = *record;
    next.failures += 1;
  }
  if (next.failures >= kMaxFailedLogins && next.locked_until.empty()) {
    next.locked_until = AddSeconds(now, kLoginLockoutSeconds);
  }
  return next;
}

}  // namespace orderly::domain
