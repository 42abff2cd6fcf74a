#pragma once

#include <random>
#include <string>

namespace orderly::fakes {

// Random lower-case hex, the shape of OpenStack ids (32) and Rancher's cluster suffixes.
inline std::string RandomHex(std::size_t length) {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(length, '0');
  for (auto& c : text) c = kDigits[generator() % 16];
  return text;
}

}  // namespace orderly::fakes
