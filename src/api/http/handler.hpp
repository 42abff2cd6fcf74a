#pragma once

#include <functional>

#include "api/http/message.hpp"

namespace orderly::api::http {

// Takes the request by reference so the router can fill path_params without a copy.
using Handler = std::function<Response(Request&)>;

}  // namespace orderly::api::http
