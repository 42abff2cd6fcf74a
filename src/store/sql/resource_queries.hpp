#pragma once

namespace orderly::store::sql {

// $1, $2: the order state codes of "open" orders are spliced by the repository as an IN list.
#define ORDERLY_RESOURCE_COLUMNS                                                               \
  "r.id, r.uuid, r.name, r.description, r.state, r.project_id, r.offering_id, r.plan_id, "     \
  "r.limits, r.attributes, r.cost, r.end_date, r.backend_id, r.backend_metadata, "             \
  "r.error_message, r.error_traceback, r.created, r.modified, "                                \
  "p.uuid, p.name, p.start_date, p.end_date, c.id, c.uuid, c.name, c.blocked, "                \
  "f.uuid, f.name, f.type, f.customer_id, fc.uuid, fc.name, pl.uuid, pl.name, "                \
  "(SELECT co.uuid FROM orders co WHERE co.resource_id = r.id AND co.type = 1 ORDER BY co.id " \
  "LIMIT 1)"

inline constexpr const char* kResourceFrom =
    " FROM resources r JOIN projects p ON p.id = r.project_id JOIN customers c ON c.id = "
    "p.customer_id "
    "JOIN offerings f ON f.id = r.offering_id JOIN customers fc ON fc.id = f.customer_id "
    "LEFT JOIN plans pl ON pl.id = r.plan_id";

inline constexpr const char* kResourceSelect = "SELECT " ORDERLY_RESOURCE_COLUMNS;

inline constexpr const char* kInsertResource =
    "INSERT INTO resources (uuid, name, description, state, project_id, offering_id, plan_id, "
    "limits, attributes, cost, end_date, backend_id, backend_metadata, error_message, "
    "error_traceback, created, modified) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
    "$12, $13, $14, $15, $16, $17) RETURNING id";

inline constexpr const char* kUpdateResource =
    "UPDATE resources SET name = $1, description = $2, state = $3, plan_id = $4, limits = $5, "
    "attributes = $6, cost = $7, end_date = $8, backend_id = $9, backend_metadata = $10, "
    "error_message = $11, error_traceback = $12, modified = $13 WHERE id = $14";

inline constexpr const char* kDeleteResource = "DELETE FROM resources WHERE id = $1";
// Followed by the IN list of states.
inline constexpr const char* kCountOnPlanInStates =
    "SELECT COUNT(*) FROM resources WHERE plan_id = $1 AND state IN ";

// The provider side sees resources of offerings where the user holds any role.
inline constexpr const char* kProviderSideVisible =
    "EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = {user} AND ((g.scope_type = 'customer' "
    "AND g.scope_id = f.customer_id) OR (g.scope_type = 'offering' AND g.scope_id = "
    "r.offering_id)))";

#undef ORDERLY_RESOURCE_COLUMNS

}  // namespace orderly::store::sql
