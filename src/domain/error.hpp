#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace orderly {

// The closed set of failures a use case can report. api/errors.cpp maps each to an HTTP status.
enum class ErrorCode {
  kInvalidInput,          // 400
  kUnauthenticated,       // 401
  kForbidden,             // 403
  kNotFound,              // 404
  kNotSupported,          // 405: the offering type does not support the action
  kStateConflict,         // 409
  kPayloadTooLarge,       // 413
  kUnsupportedMediaType,  // 415
  kTooManyRequests,       // 429: retry_after_seconds says when to try again
  kUpstreamFailed,        // 502: a remote system refused or was unreachable
  kInternal,              // 500
};

struct FieldError {
  std::string field;  // empty: a general (non-field) message
  std::string message;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string field = {})
      : std::runtime_error(message), code_(code) {
    errors_.push_back({std::move(field), std::move(message)});
  }
  Error(ErrorCode code, std::vector<FieldError> errors)
      : std::runtime_error(errors.empty() ? std::string("invalid input") : errors.front().message),
        code_(code),
        errors_(std::move(errors)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return errors_.front().message; }
  const std::string& field() const { return errors_.front().field; }
  const std::vector<FieldError>& errors() const { return errors_; }
  // For kTooManyRequests: the Retry-After the response carries (0: none).
  long long retry_after_seconds() const { return retry_after_seconds_; }
  Error& WithRetryAfter(long long seconds) {
    retry_after_seconds_ = seconds;
    return *this;
  }

 private:
  ErrorCode code_;
  long long retry_after_seconds_ = 0;
  std::vector<FieldError> errors_;
};

inline Error InvalidField(std::string field, std::string message) {
  return Error(ErrorCode::kInvalidInput, std::move(message), std::move(field));
}
inline Error NotFound(std::string message) { return Error(ErrorCode::kNotFound, std::move(message)); }
inline Error Forbidden(std::string message) { return Error(ErrorCode::kForbidden, std::move(message)); }

}  // namespace orderly
