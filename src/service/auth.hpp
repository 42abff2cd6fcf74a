#pragma once

#include <string>
#include <string_view>

#include "domain/actor.hpp"
#include "service/context.hpp"

namespace orderly::service {

// Checks the password and issues a new token. Wrong credentials: Error(kInvalidInput).
std::string Login(Context& context, const std::string& username, const std::string& password);

// The actor behind a token, with its roles and the deployment's grants.
// Unknown token or inactive user: Error(kUnauthenticated).
domain::Actor Authenticate(Context& context, std::string_view token);

}  // namespace orderly::service
