#pragma once

#include <functional>
#include <span>
#include <string_view>

#include "api/call.hpp"

namespace orderly::api {

using Endpoint = http::Response (*)(Call&);

struct Route {
  std::string_view method;
  std::string_view pattern;
  Endpoint endpoint;
};

// Every route of the API, in one list (STYLE.md).
std::span<const Route> Routes();

}  // namespace orderly::api
