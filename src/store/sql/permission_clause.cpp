#include "store/sql/permission_clause.hpp"

namespace orderly::store::sql {

std::string HoldsPermissionClause(Params& params, std::int64_t user_id,
                                  const PermissionScope& scope, const ScopeColumns& columns) {
  if (!scope.project && !scope.customer && !scope.offering_customer && !scope.offering)
    return "0 = 1";
  // Each Add is its own statement: the order of operands of + is unspecified, and the
  // placeholders must be numbered in the order they appear.
  const std::string user = params.Add(user_id);
  const std::string permission = params.Add(scope.permission);
  // One uncorrelated IN list per scope path rather than one EXISTS correlated with the outer row:
  // the engine computes each list of granted scope ids once per statement (SQLite: an ephemeral
  // index; PostgreSQL: a hashed subplan), so a count over many rows pays a lookup per row
  // instead of a join over role_grants per row. The placeholders repeat, which both engines
  // allow: a repeated $n is the same parameter.
  const auto granted = [&](std::string_view scope_type) {
    return " IN (SELECT g.scope_id FROM role_grants g JOIN roles rl ON rl.name = g.role "
           "JOIN role_permissions rp ON rp.role_id = rl.id WHERE g.user_id = " +
           user + " AND rp.permission = " + permission + " AND g.scope_type = '" +
           std::string(scope_type) + "')";
  };
  std::string clause;
  auto add = [&clause](const std::string& part) {
    clause += (clause.empty() ? "" : " OR ") + part;
  };
  if (scope.project) add(std::string(columns.project) + granted("project"));
  if (scope.customer) add(std::string(columns.customer) + granted("customer"));
  if (scope.offering_customer) add(std::string(columns.offering_customer) + granted("customer"));
  if (scope.offering) add(std::string(columns.offering) + granted("offering"));
  return "(" + clause + ")";
}

}  // namespace orderly::store::sql
