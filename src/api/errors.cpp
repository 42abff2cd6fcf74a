#include "api/errors.hpp"

#include <nlohmann/json.hpp>

namespace orderly::api {

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kNotSupported: return 405;
    case ErrorCode::kStateConflict: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kUnsupportedMediaType: return 415;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kUpstreamFailed: return 502;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

http::Response ErrorResponse(const Error& error) {
  http::Response response;
  response.status = StatusOf(error.code());
  nlohmann::json body;
  if (error.code() == ErrorCode::kInvalidInput) {
    bool has_fields = false;
    for (const auto& item : error.errors()) has_fields = has_fields || !item.field.empty();
    if (has_fields) {
      body = nlohmann::json::object();
      for (const auto& item : error.errors()) {
        body[item.field.empty() ? "non_field_errors" : item.field].push_back(item.message);
      }
    } else {
      body = nlohmann::json::array();
      for (const auto& item : error.errors()) body.push_back(item.message);
    }
  } else {
    body = {{"detail", error.message()}};
  }
  if (error.code() == ErrorCode::kUnauthenticated) {
    response.headers.emplace_back("WWW-Authenticate", "Token");
  }
  if (error.retry_after_seconds() > 0) {
    response.headers.emplace_back("Retry-After", std::to_string(error.retry_after_seconds()));
  }
  // Messages may quote the request (say, an unknown ordering field); bytes that are not UTF-8
  // become U+FFFD rather than turning a 400 into a 500.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

}  // namespace orderly::api
