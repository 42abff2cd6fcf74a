#pragma once

#include <string>
#include <vector>

#include "service/context.hpp"
#include "store/role_repository.hpp"

namespace orderly::service {

// Gives a fresh database the six roles with their default permissions; leaves edited roles alone.
void EnsureDefaultRoles(Context& context);

std::vector<store::RoleRecord> ListRoles(Context& context);
store::RoleRecord UpdateRolePermissions(Context& context, const domain::Actor& actor,
                                        const std::string& role_uuid,
                                        const std::vector<std::string>& permissions);

struct ScopeUser {
  store::RoleGrant grant;
  domain::User user;
};

// add_user / delete_user / list_users on a customer, project or offering.
ScopeUser AddScopeUser(Context& context, const domain::Actor& actor, domain::ScopeType scope,
                       const std::string& scope_uuid, const std::string& user_uuid,
                       const std::string& role_name);
void RemoveScopeUser(Context& context, const domain::Actor& actor, domain::ScopeType scope,
                     const std::string& scope_uuid, const std::string& user_uuid,
                     const std::string& role_name);
std::vector<ScopeUser> ListScopeUsers(Context& context, const domain::Actor& actor,
                                      domain::ScopeType scope, const std::string& scope_uuid);

}  // namespace orderly::service
