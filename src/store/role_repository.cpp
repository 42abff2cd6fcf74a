#include "store/role_repository.hpp"

#include "store/sql/role_queries.hpp"

namespace orderly::store {
namespace {

std::string NameOf(domain::Role role) { return std::string(domain::InfoOf(role).name); }

}  // namespace

std::vector<RoleRecord> RoleRepository::ListRoles() {
  std::vector<RoleRecord> roles;
  for (const auto& row : db_.Query(sql::kSelectRoles).rows) {
    const auto role = domain::RoleByName(row.Text(2));
    if (!role) continue;  // a role this version does not know stays in the table untouched
    RoleRecord record{.id = row.Int(0), .uuid = row.Text(1), .role = *role, .permissions = {}};
    for (const auto& permission : db_.Query(sql::kSelectRolePermissions, {record.id}).rows) {
      record.permissions.push_back(permission.Text(0));
    }
    roles.push_back(std::move(record));
  }
  return roles;
}

std::optional<RoleRecord> RoleRepository::FindRoleByUuid(const std::string& uuid) {
  auto result = db_.Query(sql::kSelectRoleByUuid, {uuid});
  if (result.rows.empty()) return std::nullopt;
  const auto& row = result.rows.front();
  const auto role = domain::RoleByName(row.Text(2));
  if (!role) return std::nullopt;
  RoleRecord record{.id = row.Int(0), .uuid = row.Text(1), .role = *role, .permissions = {}};
  for (const auto& permission : db_.Query(sql::kSelectRolePermissions, {record.id}).rows) {
    record.permissions.push_back(permission.Text(0));
  }
  return record;
}

void RoleRepository::EnsureRole(domain::Role role, const std::string& uuid,
                                const std::vector<std::string>& permissions) {
  if (!db_.Query(sql::kSelectRoleByName, {NameOf(role)}).rows.empty()) return;
  MarkChanged();
  const auto id = db_.Query(sql::kInsertRole, {uuid, NameOf(role)}).rows.at(0).Int(0);
  ReplacePermissions(id, permissions);
}

void RoleRepository::ReplacePermissions(domain::Id role_id,
                                        const std::vector<std::string>& permissions) {
  MarkChanged();
  db_.Query(sql::kDeleteRolePermissions, {role_id});
  for (const auto& permission : permissions) {
    db_.Query(sql::kInsertRolePermission, {role_id, permission});
  }
}

std::shared_ptr<const domain::RolePermissions> RoleRepository::LoadPermissions() {
  const bool cacheable = cache_ != nullptr && !(roles_changed_ && *roles_changed_);
  std::int64_t generation = 0;
  if (cacheable) {
    generation = db_.Query(sql::kSelectRolePermissionsGeneration).rows.at(0).Int(0);
    if (auto cached = cache_->Find(generation)) return cached;
  }
  auto permissions = std::make_shared<domain::RolePermissions>();
  for (const auto& row : db_.Query(sql::kSelectAllRolePermissions).rows) {
    if (const auto role = domain::RoleByName(row.Text(0)))
      (*permissions)[*role].insert(row.Text(1));
  }
  if (cacheable) cache_->Keep(generation, permissions);
  return permissions;
}

std::vector<domain::HeldRole> RoleRepository::GrantsOf(domain::Id user_id) {
  std::vector<domain::HeldRole> held;
  for (const auto& row : db_.Query(sql::kSelectGrantsOfUser, {user_id}).rows) {
    if (const auto role = domain::RoleByName(row.Text(0))) {
      held.push_back(domain::HeldRole{.role = *role, .scope_id = row.Int(1)});
    }
  }
  return held;
}

bool RoleRepository::Grant(const RoleGrant& grant) {
  const auto scope = std::string(domain::NameOf(domain::InfoOf(grant.role).scope));
  return db_.Query(sql::kInsertGrant,
                   {grant.user_id, NameOf(grant.role), scope, grant.scope_id, grant.created})
             .changes > 0;
}

bool RoleRepository::Revoke(domain::Id user_id, domain::Role role, domain::Id scope_id) {
  const auto scope = std::string(domain::NameOf(domain::InfoOf(role).scope));
  return db_.Query(sql::kDeleteGrant, {user_id, NameOf(role), scope, scope_id}).changes > 0;
}

std::vector<RoleGrant> RoleRepository::GrantsOn(domain::ScopeType scope, domain::Id scope_id) {
  std::vector<RoleGrant> grants;
  for (const auto& row :
       db_.Query(sql::kSelectGrantsOnScope, {std::string(domain::NameOf(scope)), scope_id}).rows) {
    if (const auto role = domain::RoleByName(row.Text(1))) {
      grants.push_back(RoleGrant{
          .user_id = row.Int(0), .role = *role, .scope_id = row.Int(2), .created = row.Text(3)});
    }
  }
  return grants;
}

}  // namespace orderly::store
