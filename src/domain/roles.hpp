#pragma once

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.hpp"

namespace orderly::domain {

enum class ScopeType { kCustomer, kProject, kOffering };

enum class Role {
  kCustomerOwner,
  kCustomerManager,
  kProjectAdmin,
  kProjectManager,
  kProjectMember,
  kOfferingManager,
};

struct RoleInfo {
  Role role;
  std::string_view name;  // Waldur's role name, e.g. "CUSTOMER.OWNER"
  ScopeType scope;        // the kind of object the role is granted on
};

std::span<const RoleInfo> Roles();
const RoleInfo& InfoOf(Role role);
std::optional<Role> RoleByName(std::string_view name);
std::string_view NameOf(ScopeType scope);

// Every permission string the service knows; a role may hold only these.
std::span<const std::string_view> KnownPermissions();
bool IsKnownPermission(std::string_view permission);

// The grants a fresh deployment starts with (domain.md §6.3 with spec clarification 10).
std::vector<std::string> DefaultPermissions(Role role);

// Which permissions each role holds in this deployment (editable through /api/roles/).
using RolePermissions = std::map<Role, std::set<std::string, std::less<>>>;
// Every role's DefaultPermissions, as one table.
RolePermissions DefaultRolePermissions();

struct HeldRole {
  Role role;
  Id scope_id = 0;  // the customer, project or offering the role was granted on
};

}  // namespace orderly::domain
