#include "api/observability/request_id.hpp"

#include <algorithm>
#include <cctype>
#include <random>

namespace orderly::api::observability {
namespace {

constexpr std::size_t kMaxLength = 128;

bool Acceptable(std::string_view id) {
  return !id.empty() && id.size() <= kMaxLength && std::ranges::all_of(id, [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':';
  });
}

std::string NewId() {
  thread_local std::mt19937_64 generator(std::random_device{}());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (i % 16 == 0) bits = generator();
    id[i] = kHex[bits & 0xf];
    bits >>= 4;
  }
  return id;
}

}  // namespace

std::string RequestIdOf(const http::Request& request) {
  const std::string_view given = request.Header("x-request-id");
  return Acceptable(given) ? std::string(given) : NewId();
}

}  // namespace orderly::api::observability
