#include "processing/backend_http/backend_client.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>

namespace orderly::processing::backend_http {
namespace {

constexpr std::size_t kQuotedAnswerLimit = 2000;

std::string Lower(std::string text) {
  std::ranges::transform(text, text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string Quote(const std::string& body) {
  if (body.size() <= kQuotedAnswerLimit) return body;
  return body.substr(0, kQuotedAnswerLimit) + "... (" + std::to_string(body.size()) + " bytes)";
}

std::string Describe(const BackendRequest& request, const std::string& base_url) {
  return request.method + " " + base_url + request.path;
}

// Splits `http://host:port/prefix` into the part httplib connects to and the path prefix.
std::pair<std::string, std::string> SplitBaseUrl(const std::string& base_url) {
  const auto scheme_end = base_url.find("://");
  if (scheme_end == std::string::npos || base_url.substr(0, scheme_end) != "http") {
    throw BackendError("backend address must start with http://: " + base_url, "", false);
  }
  const auto path_start = base_url.find('/', scheme_end + 3);
  if (path_start == std::string::npos) return {base_url, ""};
  std::string prefix = base_url.substr(path_start);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return {base_url.substr(0, path_start), prefix};
}

}  // namespace

nlohmann::json BackendResponse::Json() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    throw BackendError("backend answered with something that is not JSON",
                       "status " + std::to_string(status) + ", body: " + Quote(body), false);
  }
  return parsed;
}

std::string BackendResponse::Header(const std::string& lower_case_name) const {
  const auto found = headers.find(lower_case_name);
  return found == headers.end() ? std::string() : found->second;
}

BackendClient::BackendClient(const std::string& base_url, std::chrono::seconds timeout)
    : base_url_(base_url) {
  auto [origin, prefix] = SplitBaseUrl(base_url);
  path_prefix_ = std::move(prefix);
  client_ = std::make_unique<httplib::Client>(origin);
  client_->set_connection_timeout(timeout);
  client_->set_read_timeout(timeout);
  client_->set_write_timeout(timeout);
  client_->set_tcp_nodelay(true);
  client_->set_keep_alive(true);
}

BackendClient::~BackendClient() = default;

BackendResponse BackendClient::Send(const BackendRequest& request) {
  httplib::Request outgoing;
  outgoing.method = request.method;
  outgoing.path = path_prefix_ + request.path;
  for (const auto& [name, value] : request.headers) outgoing.headers.emplace(name, value);
  outgoing.headers.emplace("Accept", "application/json");
  if (request.body) {
    outgoing.body = request.body->dump();
    outgoing.headers.emplace("Content-Type", "application/json");
  }
  const auto result = client_->send(outgoing);
  if (!result) {
    throw BackendError(
        "backend unreachable: " + httplib::to_string(result.error()),
        Describe(request, base_url_) + " failed: " + httplib::to_string(result.error()), true);
  }
  BackendResponse response{.status = result->status, .body = result->body, .headers = {}};
  for (const auto& [name, value] : result->headers) response.headers[Lower(name)] = value;
  if (response.status >= 500) {
    throw BackendError("backend error " + std::to_string(response.status),
                       Describe(request, base_url_) + " answered " +
                           std::to_string(response.status) + ": " + Quote(response.body),
                       true);
  }
  return response;
}

void Expect(const BackendRequest& request, const BackendResponse& response,
            std::initializer_list<int> accepted, const std::string& what) {
  if (std::ranges::find(accepted, response.status) != accepted.end()) return;
  throw BackendError(what + " failed: backend answered " + std::to_string(response.status),
                     request.method + " " + request.path + " answered " +
                         std::to_string(response.status) + ": " + Quote(response.body),
                     false);
}

std::string EncodeQueryValue(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return encoded;
}

service::ProcessingResult FailureFrom(const BackendError& error, const std::string& where) {
  service::ProcessingResult result;
  result.succeeded = false;
  result.error_message = error.what();
  result.error_traceback = where + ": " + error.what();
  if (!error.Detail().empty()) result.error_traceback += "\n" + error.Detail();
  result.transient = error.Transient();
  return result;
}

}  // namespace orderly::processing::backend_http
