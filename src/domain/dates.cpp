#include "domain/dates.hpp"

#include <cctype>

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

bool ProjectExpired(const std::string* end_date, std::string_view today) {
  return end_date != nullptr && *end_date <= today;
}

}  // namespace orderly::domain
