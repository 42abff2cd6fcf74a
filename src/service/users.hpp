#pragma once

#include <string>

#include "service/context.hpp"

namespace orderly::service {

struct NewUser {
  std::string username;
  std::string password;
  std::string email;
  std::string full_name;
  bool is_staff = false;
  bool is_support = false;
};

domain::User CreateUser(Context& context, const domain::Actor& actor, const NewUser& input);
// For the command line: creates the staff user, or makes an existing one staff with this password.
domain::User CreateOrResetStaffUser(Context& context, const std::string& username,
                                    const std::string& password);
domain::User GetUser(Context& context, const domain::Actor& actor, const std::string& uuid);
store::Page<domain::User> ListUsers(Context& context, const domain::Actor& actor,
                                    const store::ListOptions& options);

}  // namespace orderly::service
