#include "domain/roles.hpp"

#include <algorithm>
#include <array>

namespace orderly::domain {
namespace {

constexpr std::array<RoleInfo, 6> kRoles{{
    {Role::kCustomerOwner, "CUSTOMER.OWNER", ScopeType::kCustomer},
    {Role::kCustomerManager, "CUSTOMER.MANAGER", ScopeType::kCustomer},
    {Role::kProjectAdmin, "PROJECT.ADMIN", ScopeType::kProject},
    {Role::kProjectManager, "PROJECT.MANAGER", ScopeType::kProject},
    {Role::kProjectMember, "PROJECT.MEMBER", ScopeType::kProject},
    {Role::kOfferingManager, "OFFERING.MANAGER", ScopeType::kOffering},
}};

constexpr std::array<std::string_view, 34> kKnownPermissions{{
    // Orders and resources (domain.md §6.2).
    "ORDER.LIST",
    "ORDER.CREATE",
    "ORDER.APPROVE_PRIVATE",
    "ORDER.APPROVE",
    "ORDER.REJECT",
    "ORDER.DESTROY",
    "ORDER.CANCEL",
    "ORDER.SET_CONSUMER_INFO",
    "RESOURCE.LIST",
    "RESOURCE.UPDATE",
    "RESOURCE.TERMINATE",
    "RESOURCE.SET_END_DATE",
    "RESOURCE.SET_PLAN",
    "RESOURCE.SET_LIMITS",
    "RESOURCE.SET_BACKEND_ID",
    "RESOURCE.SET_BACKEND_METADATA",
    "RESOURCE.SET_STATE",
    "RESOURCE.SUBMIT_REPORT",
    "RESOURCE.UPDATE_OPTIONS",
    "RESOURCE.SET_USAGE",
    "RESOURCE.LIST_IMPORTABLE",
    // Structure (Waldur's names for the same checks).
    "PROJECT.CREATE",
    "PROJECT.UPDATE",
    "OFFERING.CREATE",
    "OFFERING.UPDATE",
    "OFFERING.ACTIVATE",
    "OFFERING.PAUSE",
    "OFFERING.ARCHIVE",
    "CUSTOMER.CREATE_PERMISSION",
    "CUSTOMER.DELETE_PERMISSION",
    "PROJECT.CREATE_PERMISSION",
    "PROJECT.DELETE_PERMISSION",
    "OFFERING.CREATE_PERMISSION",
    "OFFERING.DELETE_PERMISSION",
}};

}  // namespace

std::span<const RoleInfo> Roles() { return kRoles; }

const RoleInfo& InfoOf(Role role) {
  for (const auto& info : kRoles) {
    if (info.role == role) return info;
  }
  return kRoles.front();  // unreachable: every Role has a row (roles_test)
}

std::optional<Role> RoleByName(std::string_view name) {
  for (const auto& info : kRoles) {
    if (info.name == name) return info.role;
  }
  return std::nullopt;
}

std::string_view NameOf(ScopeType scope) {
  switch (scope) {
    case ScopeType::kCustomer: return "customer";
    case ScopeType::kProject: return "project";
    case ScopeType::kOffering: return "offering";
  }
  return "customer";
}

std::span<const std::string_view> KnownPermissions() { return kKnownPermissions; }

bool IsKnownPermission(std::string_view permission) {
  return std::find(kKnownPermissions.begin(), kKnownPermissions.end(), permission) !=
         kKnownPermissions.end();
}

std::vector<std::string> DefaultPermissions(Role role) {
  switch (role) {
    case Role::kCustomerOwner:
      return {"ORDER.LIST",
              "ORDER.CREATE",
              "ORDER.APPROVE",
              "ORDER.APPROVE_PRIVATE",
              "ORDER.REJECT",
              "ORDER.DESTROY",
              "ORDER.CANCEL",
              "ORDER.SET_CONSUMER_INFO",
              "RESOURCE.LIST",
              "RESOURCE.SET_END_DATE",
              "RESOURCE.SET_USAGE",
              "RESOURCE.SET_PLAN",
              "RESOURCE.UPDATE_OPTIONS",
              "RESOURCE.SET_LIMITS",
              "RESOURCE.SET_BACKEND_ID",
              "RESOURCE.SET_BACKEND_METADATA",
              "RESOURCE.SET_STATE",
              "RESOURCE.SUBMIT_REPORT",
              "RESOURCE.TERMINATE",
              "RESOURCE.LIST_IMPORTABLE",
              "PROJECT.CREATE",
              "PROJECT.UPDATE",
              "OFFERING.CREATE",
              "OFFERING.UPDATE",
              "OFFERING.PAUSE",
              "OFFERING.ARCHIVE",
              "CUSTOMER.CREATE_PERMISSION",
              "CUSTOMER.DELETE_PERMISSION",
              "PROJECT.CREATE_PERMISSION",
              "PROJECT.DELETE_PERMISSION",
              "OFFERING.CREATE_PERMISSION",
              "OFFERING.DELETE_PERMISSION"};
    case Role::kCustomerManager:
      return {"ORDER.LIST",
              "ORDER.APPROVE",
              "ORDER.REJECT",
              "RESOURCE.SET_END_DATE",
              "RESOURCE.SET_BACKEND_ID",
              "RESOURCE.SET_BACKEND_METADATA",
              "RESOURCE.SET_STATE",
              "RESOURCE.SUBMIT_REPORT"};
    case Role::kProjectAdmin:
      return {"ORDER.LIST",
              "ORDER.CREATE",
              "ORDER.APPROVE_PRIVATE",
              "ORDER.DESTROY",
              "ORDER.CANCEL",
              "RESOURCE.LIST",
              "RESOURCE.TERMINATE",
              "RESOURCE.LIST_IMPORTABLE",
              "RESOURCE.SET_PLAN",
              "RESOURCE.SET_LIMITS"};
    case Role::kProjectManager:
      return {"ORDER.LIST",        "ORDER.CREATE",       "ORDER.APPROVE_PRIVATE",
              "ORDER.DESTROY",     "ORDER.CANCEL",       "ORDER.SET_CONSUMER_INFO",
              "RESOURCE.LIST",     "RESOURCE.TERMINATE", "RESOURCE.LIST_IMPORTABLE",
              "RESOURCE.SET_PLAN", "RESOURCE.SET_LIMITS"};
    case Role::kProjectMember: return {"ORDER.LIST", "ORDER.CREATE", "RESOURCE.LIST"};
    case Role::kOfferingManager:
      return {"ORDER.LIST",
              "ORDER.APPROVE",
              "ORDER.REJECT",
              "RESOURCE.LIST",
              "RESOURCE.SET_STATE",
              "RESOURCE.SET_BACKEND_ID",
              "RESOURCE.SET_BACKEND_METADATA",
              "RESOURCE.SET_USAGE",
              "OFFERING.UPDATE",
              "OFFERING.PAUSE",
              "OFFERING.ARCHIVE"};
  }
  return {};
}

RolePermissions DefaultRolePermissions() {
  RolePermissions table;
  for (const auto& info : Roles()) {
    for (auto& permission : DefaultPermissions(info.role))
      table[info.role].insert(std::move(permission));
  }
  return table;
}

}  // namespace orderly::domain
