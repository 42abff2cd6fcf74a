#pragma once

#include <functional>
#include <string>
#include <vector>

#include "service/context.hpp"
#include "store/role_repository.hpp"

namespace orderly::service {

// Gives a fresh database the six roles with their default permissions; leaves edited roles alone.
void EnsureDefaultRoles(Context& context);

std::vector<store::RoleRecord> ListRoles(Context& context);
// Inputs are read after the lookups and permission checks (see UpdateCustomer).
store::RoleRecord UpdateRolePermissions(
    Context& context, const domain::Actor& actor, const std::string& role_uuid,
    const std::function<std::vector<std::string>()>& read_permissions);

struct ScopeUser {
  store::RoleGrant grant;
  domain::User user;
};

// add_user / delete_user / list_users on a customer, project or offering.
struct RoleChange {
  std::string user_uuid;
  std::string role_name;
};

ScopeUser AddScopeUser(Context& context, const domain::Actor& actor, domain::ScopeType scope,
                       const std::string& scope_uuid, const std::function<RoleChange()>& read_change);
void RemoveScopeUser(Context& context, const domain::Actor& actor, domain::ScopeType scope,
                     const std::string& scope_uuid, const std::function<RoleChange()>& read_change);
std::vector<ScopeUser> ListScopeUsers(Context& context, const domain::Actor& actor,
                                      domain::ScopeType scope, const std::string& scope_uuid);

}  // namespace orderly::service
