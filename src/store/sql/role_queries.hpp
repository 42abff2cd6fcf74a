#pragma once

namespace orderly::store::sql {

inline constexpr const char* kSelectRoles = "SELECT id, uuid, name FROM roles ORDER BY id";
inline constexpr const char* kSelectRoleByUuid = "SELECT id, uuid, name FROM roles WHERE uuid = $1";
inline constexpr const char* kSelectRoleByName = "SELECT id FROM roles WHERE name = $1";
inline constexpr const char* kInsertRole =
    "INSERT INTO roles (uuid, name) VALUES ($1, $2) RETURNING id";
inline constexpr const char* kSelectRolePermissions =
    "SELECT permission FROM role_permissions WHERE role_id = $1 ORDER BY permission";
inline constexpr const char* kSelectAllRolePermissions =
    "SELECT r.name, rp.permission FROM role_permissions rp JOIN roles r ON r.id = rp.role_id";
inline constexpr const char* kSelectRolePermissionsGeneration =
    "SELECT generation FROM role_permissions_generation WHERE id = 1";
inline constexpr const char* kDeleteRolePermissions =
    "DELETE FROM role_permissions WHERE role_id = $1";
inline constexpr const char* kInsertRolePermission =
    "INSERT INTO role_permissions (role_id, permission) VALUES ($1, $2)";

inline constexpr const char* kSelectGrantsOfUser =
    "SELECT role, scope_id FROM role_grants WHERE user_id = $1";
inline constexpr const char* kInsertGrant =
    "INSERT INTO role_grants (user_id, role, scope_type, scope_id, created) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";
inline constexpr const char* kDeleteGrant =
    "DELETE FROM role_grants WHERE user_id = $1 AND role = $2 AND scope_type = $3 AND scope_id = "
    "$4";
inline constexpr const char* kSelectGrantsOnScope =
    "SELECT user_id, role, scope_id, created FROM role_grants WHERE scope_type = $1 AND "
    "scope_id = $2 ORDER BY id";

}  // namespace orderly::store::sql
