#pragma once

#include <string>
#include <vector>

#include "service/context.hpp"

namespace orderly::service {

struct DemoLogin {
  std::string username;
  std::string password;
  std::string what;  // the role the login demonstrates
};

// Seeds organizations, a provider with an offering of every type, and a user for every role.
// Running it again changes nothing and returns the same logins.
std::vector<DemoLogin> SeedDemo(Context& context);

}  // namespace orderly::service
