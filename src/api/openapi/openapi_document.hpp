#pragma once

#include <nlohmann/json.hpp>
#include <span>

#include "api/routes.hpp"

namespace orderly::api::openapi {

// The OpenAPI 3 description of `routes`: one operation per route, with its path parameters, the
// list parameters on collection reads, the token security scheme, and Waldur's error shapes.
// Built from the route table itself, so a route cannot exist without its description.
nlohmann::json OpenApiDocument(std::span<const Route> routes);

}  // namespace orderly::api::openapi
