#include "service/roles.hpp"

#include <algorithm>

#include "domain/error.hpp"
#include "domain/permissions.hpp"
#include "service/customers.hpp"
#include "service/offerings.hpp"
#include "service/projects.hpp"
#include "service/secrets.hpp"

namespace orderly::service {
namespace {

struct ResolvedScope {
  domain::Id scope_id = 0;
  domain::Action grant_action;
  domain::Action revoke_action;
  domain::Subject subject;
};

// Finds the scope object the caller may see; 404 otherwise.
ResolvedScope ResolveScope(Context& context, store::Transaction& tx, const domain::Actor& actor,
                           domain::ScopeType scope, const std::string& uuid) {
  switch (scope) {
    case domain::ScopeType::kCustomer: {
      const auto customer = VisibleCustomer(tx, actor, uuid);
      return {customer.id, domain::Action::kManageCustomerRoles, domain::Action::kRevokeCustomerRoles,
              {.customer_id = customer.id}};
    }
    case domain::ScopeType::kProject: {
      const auto project = VisibleProject(tx, actor, uuid);
      return {project.id, domain::Action::kManageProjectRoles, domain::Action::kRevokeProjectRoles,
              {.customer_id = project.customer_id, .project_id = project.id}};
    }
    case domain::ScopeType::kOffering: {
      (void)context;
      auto offering = tx.Offerings().FindByUuid(uuid);
      if (!offering) throw NotFound("Offering not found.");
      const domain::Subject subject{.customer_id = offering->customer_id,
                                    .offering_id = offering->id,
                                    .offering_customer_id = offering->customer_id};
      if (!domain::SeesEverything(actor) &&
          !tx.Offerings().IsVisible(VisibilityOf(actor), offering->id, {})) {
        throw NotFound("Offering not found.");
      }
      return {offering->id, domain::Action::kManageOfferingRoles, domain::Action::kRevokeOfferingRoles,
              subject};
    }
  }
  throw Error(ErrorCode::kInternal, "unknown scope");
}

domain::Role RoleFor(domain::ScopeType scope, const std::string& role_name) {
  const auto role = domain::RoleByName(role_name);
  if (!role || domain::InfoOf(*role).scope != scope) {
    std::string allowed;
    for (const auto& info : domain::Roles()) {
      if (info.scope == scope) allowed += (allowed.empty() ? "" : ", ") + std::string(info.name);
    }
    throw InvalidField("role", "Role must be one of: " + allowed + ".");
  }
  return *role;
}

domain::User ReferencedUser(store::Transaction& tx, const std::string& uuid) {
  auto user = tx.Users().FindByUuid(uuid);
  if (!user) throw InvalidField("user", "Invalid hyperlink - Object does not exist.");
  return *user;
}

}  // namespace

void EnsureDefaultRoles(Context& context) {
  context.store.Write([&](store::Transaction& tx) {
    auto roles = tx.Roles();
    for (const auto& info : domain::Roles()) {
      roles.EnsureRole(info.role, NewUuid(), domain::DefaultPermissions(info.role));
    }
  });
}

std::vector<store::RoleRecord> ListRoles(Context& context) {
  return context.store.Read([&](store::Transaction& tx) { return tx.Roles().ListRoles(); });
}

store::RoleRecord UpdateRolePermissions(
    Context& context, const domain::Actor& actor, const std::string& role_uuid,
    const std::function<std::vector<std::string>()>& read_permissions) {
  return context.store.Write([&](store::Transaction& tx) {
    auto roles = tx.Roles();
    auto role = roles.FindRoleByUuid(role_uuid);
    if (!role) throw NotFound("Role not found.");
    Require(actor, domain::Action::kUpdateRolePermissions, {});
    std::vector<std::string> sorted = read_permissions();
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (const auto& permission : sorted) {
      if (!domain::IsKnownPermission(permission)) {
        throw InvalidField("permissions", "Unknown permission '" + permission + "'.");
      }
    }
    roles.ReplacePermissions(role->id, sorted);
    role->permissions = sorted;
    return *role;
  });
}

ScopeUser AddScopeUser(Context& context, const domain::Actor& actor, domain::ScopeType scope,
                       const std::string& scope_uuid, const std::function<RoleChange()>& read_change) {
  return context.store.Write([&](store::Transaction& tx) {
    const ResolvedScope resolved = ResolveScope(context, tx, actor, scope, scope_uuid);
    Require(actor, resolved.grant_action, resolved.subject);
    const RoleChange change = read_change();
    const domain::Role role = RoleFor(scope, change.role_name);
    const domain::User user = ReferencedUser(tx, change.user_uuid);
    store::RoleGrant grant{.user_id = user.id,
                           .role = role,
                           .scope_id = resolved.scope_id,
                           .created = context.clock.Now()};
    if (!tx.Roles().Grant(grant)) {
      throw InvalidField("user", "The user already has this role.");
    }
    return ScopeUser{grant, user};
  });
}

void RemoveScopeUser(Context& context, const domain::Actor& actor, domain::ScopeType scope,
                     const std::string& scope_uuid, const std::function<RoleChange()>& read_change) {
  context.store.Write([&](store::Transaction& tx) {
    const ResolvedScope resolved = ResolveScope(context, tx, actor, scope, scope_uuid);
    Require(actor, resolved.revoke_action, resolved.subject);
    const RoleChange change = read_change();
    const domain::Role role = RoleFor(scope, change.role_name);
    const domain::User user = ReferencedUser(tx, change.user_uuid);
    if (!tx.Roles().Revoke(user.id, role, resolved.scope_id)) {
      throw InvalidField("user", "The user does not have this role.");
    }
  });
}

std::vector<ScopeUser> ListScopeUsers(Context& context, const domain::Actor& actor,
                                      domain::ScopeType scope, const std::string& scope_uuid) {
  return context.store.Read([&](store::Transaction& tx) {
    const ResolvedScope resolved = ResolveScope(context, tx, actor, scope, scope_uuid);
    std::vector<ScopeUser> users;
    for (auto& grant : tx.Roles().GrantsOn(scope, resolved.scope_id)) {
      if (auto user = tx.Users().FindById(grant.user_id)) users.push_back({grant, *user});
    }
    return users;
  });
}

}  // namespace orderly::service
