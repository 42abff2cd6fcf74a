#include "api/http/beast_message.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "api/http/url.hpp"

namespace orderly::api::http {
namespace {

namespace bhttp = beast::http;

// Beast 1.74 hands out boost::string_view.
std::string_view ToStd(beast::string_view text) { return {text.data(), text.size()}; }

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

std::string Upper(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

// A CR or LF from a handler (say, a Location built from user input) would let the client's data
// write headers of its own.
bool IsSafeHeader(std::string_view name, std::string_view value) {
  auto unsafe = [](char c) { return c == '\r' || c == '\n' || c == '\0'; };
  return !name.empty() && std::none_of(name.begin(), name.end(), unsafe) &&
         std::none_of(value.begin(), value.end(), unsafe) &&
         name.find_first_of(" \t:") == std::string_view::npos;
}

bool AllowsBody(int status) { return status != 204 && status != 304; }

void AddExtraHeader(BeastResponse& reply, const std::string& name, const std::string& value) {
  if (!IsSafeHeader(name, value)) {
    spdlog::error("http: dropped a response header with an unsafe name or value: {}", name);
    return;
  }
  // The transport owns the framing; a handler's copy could only contradict it.
  if (beast::iequals(name, "content-length") || beast::iequals(name, "transfer-encoding") ||
      beast::iequals(name, "connection")) {
    return;
  }
  if (beast::iequals(name, "content-type") || beast::iequals(name, "server")) {
    reply.set(name, value);
  } else {
    reply.insert(name, value);
  }
}

}  // namespace

void ApplyLimits(RequestParser& parser, const ServerOptions& options) {
  parser.header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(options.header_limit, std::numeric_limits<std::uint32_t>::max())));
  parser.body_limit(options.body_limit);
}

Request FromBeast(BeastRequest&& message) {
  Request request;
  request.method = Upper(ToStd(message.method_string()));
  request.target = std::string(message.target());
  Target target = ParseTarget(request.target);
  request.path = std::move(target.path);
  request.query = std::move(target.query);
  for (const auto& field : message) {
    request.headers.emplace_back(Lower(ToStd(field.name_string())), std::string(field.value()));
  }
  request.body = std::move(message.body());
  return request;
}

BeastResponse ToBeast(Response&& response, unsigned version, bool keep_alive, bool head) {
  BeastResponse reply{static_cast<bhttp::status>(response.status), version};
  reply.set(bhttp::field::server, "orderly");
  if (AllowsBody(response.status)) {
    if (!response.content_type.empty()) {
      reply.set(bhttp::field::content_type, response.content_type);
    }
    reply.content_length(response.body.size());
    if (!head) reply.body() = std::move(response.body);
  }
  for (const auto& [name, value] : response.headers) AddExtraHeader(reply, name, value);
  reply.keep_alive(keep_alive);
  return reply;
}

bool IsValidStatus(int status) { return status >= 200 && status <= 599; }

Response JsonError(int status, std::string_view detail) {
  Response response;
  response.status = status;
  response.body = nlohmann::json{{"detail", detail}}.dump();
  return response;
}

std::string DescribeSize(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  constexpr std::size_t kMiB = kKiB * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace orderly::api::http
