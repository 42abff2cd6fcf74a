#pragma once

#include <string>

#include "api/http/message.hpp"

namespace orderly::api::observability {

// The client's X-Request-ID when it is a short token of letters, digits, '-', '_', '.' and ':'
// (so that it cannot forge log lines or headers); otherwise a new random 32-hex id.
std::string RequestIdOf(const http::Request& request);

}  // namespace orderly::api::observability
