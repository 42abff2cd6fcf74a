#pragma once

#include <string>
#include <string_view>

namespace orderly::domain {

// Dates are UTC calendar dates written YYYY-MM-DD; timestamps are ISO 8601 in UTC with a trailing Z.
// Both compare correctly as strings, which the rules below rely on.
bool IsIsoDate(std::string_view text);

// The date part of a timestamp.
std::string DateOf(std::string_view timestamp);

// A timestamp moved by whole seconds, in the same ISO 8601 UTC form (microseconds kept).
std::string AddSeconds(std::string_view timestamp, long long seconds);

// Whole seconds from `from` until `to`, rounded up; 0 when `to` is not later (or either is not a
// timestamp).
long long SecondsUntil(std::string_view from, std::string_view to);

// Spec clarification 3: a project has expired when its end date is today or earlier.
bool ProjectExpired(const std::string* end_date, std::string_view today);

}  // namespace orderly::domain
