#include "domain/dates.hpp"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace orderly::domain {

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  if (month < 1 || month > 12 || day < 1) return false;
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max_day;
}

std::string DateOf(std::string_view timestamp) { return std::string(timestamp.substr(0, 10)); }

namespace {

// Seconds since the epoch of an ISO 8601 UTC timestamp (microseconds in `micros`); false when
// the text is not one.
bool ParseTimestamp(const std::string& text, std::time_t& seconds, int& micros) {
  std::tm parts{};
  micros = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%6d", &parts.tm_year, &parts.tm_mon, &parts.tm_mday,
                  &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &micros) < 6) {
    return false;
  }
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  seconds = timegm(&parts);
  return true;
}

}  // namespace

std::string AddSeconds(std::string_view timestamp, long long seconds) {
  const std::string text(timestamp);
  std::time_t start = 0;
  int micros = 0;
  if (!ParseTimestamp(text, start, micros)) return text;
  const std::time_t moved = start + seconds;
  std::tm out{};
  gmtime_r(&moved, &out);
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", out.tm_year + 1900, out.tm_mon + 1,
                out.tm_mday, out.tm_hour, out.tm_min, out.tm_sec, micros);
  return buffer;
}

long long SecondsUntil(std::string_view from, std::string_view to) {
  std::time_t from_seconds = 0, to_seconds = 0;
  int from_micros = 0, to_micros = 0;
  if (!ParseTimestamp(std::string(from), from_seconds, from_micros) ||
      !ParseTimestamp(std::string(to), to_seconds, to_micros)) {
    return 0;
  }
  const long long micros =
      (static_cast<long long>(to_seconds) - from_seconds) * 1000000LL + (to_micros - from_micros);
  return micros <= 0 ? 0 : (micros + 999999) / 1000000;
}

bool ProjectExpired(const std::string* end_date, std::string_view today) {
  return end_date != nullptr && *end_date <= today;
}

}  // namespace orderly::domain
