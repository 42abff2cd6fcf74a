// The HTTP request head and body framing as the server reads them (Beast's parser with the
// server's header and body limits), the conversion into the handlers' Request (method, target,
// lower-cased headers), the header readers the API uses (X-Request-ID, Authorization scheme,
// Host for links, Content-Type), and the response serializer with handler-supplied headers. Checks
// that a response never carries CR or LF from the request inside a header.
#include <cstdlib>
#include <sstream>
#include <string>

#include "api/http/beast_message.hpp"
#include "api/json/body.hpp"
#include "api/observability/request_id.hpp"
#include "domain/error.hpp"
#include "support/parse_request.hpp"

namespace http = orderly::api::http;
namespace bhttp = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto message = orderly::fuzz::ParseWholeRequest(data, size);
  if (!message) return 0;

  const bool head = message->method() == bhttp::verb::head;
  const unsigned version = message->version();
  http::Request request = http::FromBeast(std::move(*message));
  const std::string request_id = orderly::api::observability::RequestIdOf(request);
  try {
    orderly::api::json::ObjectBody(request);
  } catch (const orderly::Error&) {
  }

  // A handler echoing request text into headers (a Location, a Link) must not split the response.
  http::Response response = http::JsonError(401, "Invalid token.");
  response.headers.emplace_back("WWW-Authenticate", std::string(request.Header("authorization")));
  response.headers.emplace_back("X-Request-ID", request_id);
  response.headers.emplace_back(
      "Link", "<http://" + std::string(request.Header("host")) + request.path + ">");
  for (const auto& [name, value] : request.headers) response.headers.emplace_back(name, value);
  std::ostringstream wire;
  wire << http::ToBeast(std::move(response), version, false, head);
  const std::string text = wire.str();
  const std::size_t end_of_head = text.find("\r\n\r\n");
  if (end_of_head == std::string::npos) std::abort();
  for (std::size_t at = text.find('\n'); at < end_of_head; at = text.find('\n', at + 1)) {
    if (text[at - 1] != '\r' || text[at + 1] == ' ' || text[at + 1] == '\t') std::abort();
  }
  return 0;
}
