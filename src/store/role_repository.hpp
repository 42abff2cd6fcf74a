#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/roles.hpp"
#include "store/permission_cache.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

struct RoleRecord {
  domain::Id id = 0;
  domain::Uuid uuid;
  domain::Role role;
  std::vector<std::string> permissions;  // sorted
};

struct RoleGrant {
  domain::Id user_id = 0;
  domain::Role role;
  domain::Id scope_id = 0;
  std::string created;
};

class RoleRepository {
 public:
  explicit RoleRepository(sql::Connection& connection) : db_(connection) {}
  // With a cache: LoadPermissions reads only the generation counter while the cached copy is
  // current. `roles_changed` belongs to the transaction: once it changed the table, its view is
  // uncommitted and must not enter the cache.
  RoleRepository(sql::Connection& connection, PermissionCache* cache, bool& roles_changed)
      : db_(connection), cache_(cache), roles_changed_(&roles_changed) {}

  std::vector<RoleRecord> ListRoles();
  std::optional<RoleRecord> FindRoleByUuid(const std::string& uuid);
  // Creates the role with these permissions unless a role of that name exists.
  void EnsureRole(domain::Role role, const std::string& uuid,
                  const std::vector<std::string>& permissions);
  void ReplacePermissions(domain::Id role_id, const std::vector<std::string>& permissions);
  std::shared_ptr<const domain::RolePermissions> LoadPermissions();

  std::vector<domain::HeldRole> GrantsOf(domain::Id user_id);
  // Returns false when the user already holds the role there.
  bool Grant(const RoleGrant& grant);
  // Returns false when there was nothing to revoke.
  bool Revoke(domain::Id user_id, domain::Role role, domain::Id scope_id);
  std::vector<RoleGrant> GrantsOn(domain::ScopeType scope, domain::Id scope_id);

 private:
  void MarkChanged() {
    if (roles_changed_) *roles_changed_ = true;
  }

  sql::Connection& db_;
  PermissionCache* cache_ = nullptr;
  bool* roles_changed_ = nullptr;
};

}  // namespace orderly::store
