#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "api/http/beast.hpp"
#include "api/http/message.hpp"
#include "api/http/server_options.hpp"

// Conversions between the handlers' Request/Response and Beast's messages.
namespace orderly::api::http {

using BeastRequest = beast::http::request<beast::http::string_body>;
using BeastResponse = beast::http::response<beast::http::string_body>;

using RequestParser = beast::http::request_parser<beast::http::string_body>;

// Puts the server's header and body limits on a fresh parser (the session's, and the fuzzers').
void ApplyLimits(RequestParser& parser, const ServerOptions& options);

Request FromBeast(BeastRequest&& message);

// Adds Server, Content-Type and Content-Length, and the Connection header for keep_alive. For a
// HEAD request the body is dropped but its length is still announced. The response status must be
// valid (see IsValidStatus).
BeastResponse ToBeast(Response&& response, unsigned version, bool keep_alive, bool head);

// Handlers may answer 200..599; 1xx would break the connection's framing.
bool IsValidStatus(int status);

// {"detail": "..."}: the body Waldur clients expect for errors.
Response JsonError(int status, std::string_view detail);

// 1048576 -> "1 MiB", 16384 -> "16 KiB", 1000 -> "1000 bytes".
std::string DescribeSize(std::size_t bytes);

}  // namespace orderly::api::http
