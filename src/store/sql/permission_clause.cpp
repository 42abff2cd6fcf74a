#include "store/sql/permission_clause.hpp"

namespace orderly::store::sql {

std::string HoldsPermissionClause(Params& params, std::int64_t user_id, const PermissionScope& scope,
                                  const ScopeColumns& columns) {
  std::string scopes;
  auto add = [&scopes](const std::string& part) { scopes += (scopes.empty() ? "" : " OR ") + part; };
  if (scope.project) add("(g.scope_type = 'project' AND g.scope_id = " + std::string(columns.project) + ")");
  if (scope.customer) add("(g.scope_type = 'customer' AND g.scope_id = " + std::string(columns.customer) + ")");
  if (scope.offering_customer) {
    add("(g.scope_type = 'customer' AND g.scope_id = " + std::string(columns.offering_customer) + ")");
  }
  if (scope.offering) add("(g.scope_type = 'offering' AND g.scope_id = " + std::string(columns.offering) + ")");
  if (scopes.empty()) return "0 = 1";
  // Each Add is its own statement: the order of operands of + is unspecified, and the
  // placeholders must be numbered in the order they appear.
  const std::string user = params.Add(user_id);
  const std::string permission = params.Add(scope.permission);
  return "EXISTS (SELECT 1 FROM role_grants g JOIN roles rl ON rl.name = g.role "
         "JOIN role_permissions rp ON rp.role_id = rl.id WHERE g.user_id = " + user +
         " AND rp.permission = " + permission + " AND (" + scopes + "))";
}

}  // namespace orderly::store::sql
