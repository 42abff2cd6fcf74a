#pragma once

#include "api/http/message.hpp"
#include "domain/error.hpp"

namespace orderly::api {

// The only ErrorCode -> HTTP status table, and the body shapes Waldur clients expect:
// 400 {field: [messages]} or [messages]; everything else {"detail": message}.
int StatusOf(ErrorCode code);
http::Response ErrorResponse(const Error& error);

}  // namespace orderly::api
