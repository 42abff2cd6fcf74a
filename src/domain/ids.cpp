#include "domain/ids.hpp"

#include <cctype>

namespace orderly::domain {

bool IsUuidHex(std::string_view text) {
  if (text.size() != 32) return false;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Uuid NormalizeUuid(std::string_view text) {
  Uuid out;
  out.reserve(32);
  for (char c : text) {
    if (c == '-') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return IsUuidHex(out) ? out : Uuid{};
}

}  // namespace orderly::domain
