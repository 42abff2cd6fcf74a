#pragma once

namespace orderly::store::sql {

// $1: sees everything (0/1), $2: user id, $3..$6: states listed publicly for shared offerings.
#define ORDERLY_OFFERING_VISIBLE                                                                  \
  "($1 = 1 OR o.customer_id IN (SELECT scope_id FROM role_grants WHERE user_id = $2 AND "        \
  "scope_type = 'customer') OR o.id IN (SELECT scope_id FROM role_grants WHERE user_id = $2 AND " \
  "scope_type = 'offering') OR (o.shared = 1 AND o.state IN ($3, $4, $5, $6)))"
#define ORDERLY_OFFERING_COLUMNS                                                            \
  "o.id, o.uuid, o.name, o.customer_id, o.type, o.state, o.shared, o.billable, o.backend_id, " \
  "o.plugin_options, o.secret_options, o.components, o.created, c.uuid, c.name"
#define ORDERLY_OFFERING_FROM " FROM offerings o JOIN customers c ON c.id = o.customer_id"
// $7: customer id or 0, $8: type name or '', $9: state code or 0.
#define ORDERLY_OFFERING_FILTER \
  " AND ($7 = 0 OR o.customer_id = $7) AND ($8 = '' OR o.type = $8) AND ($9 = 0 OR o.state = $9)"

inline constexpr const char* kInsertOffering =
    "INSERT INTO offerings (uuid, name, customer_id, type, state, shared, billable, backend_id, "
    "plugin_options, secret_options, components, created) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
inline constexpr const char* kInsertPlan =
    "INSERT INTO plans (uuid, offering_id, name, unit_price, max_amount, backend_id, archived) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
inline constexpr const char* kUpdateOfferingState = "UPDATE offerings SET state = $1 WHERE id = $2";
inline constexpr const char* kSelectOfferingByUuid =
    "SELECT " ORDERLY_OFFERING_COLUMNS ORDERLY_OFFERING_FROM " WHERE o.uuid = $1";
inline constexpr const char* kSelectOfferingById =
    "SELECT " ORDERLY_OFFERING_COLUMNS ORDERLY_OFFERING_FROM " WHERE o.id = $1";
inline constexpr const char* kSelectOfferingsVisible =
    "SELECT " ORDERLY_OFFERING_COLUMNS ORDERLY_OFFERING_FROM " WHERE " ORDERLY_OFFERING_VISIBLE
        ORDERLY_OFFERING_FILTER;
inline constexpr const char* kCountOfferingsVisible =
    "SELECT COUNT(*) FROM offerings o WHERE " ORDERLY_OFFERING_VISIBLE ORDERLY_OFFERING_FILTER;
inline constexpr const char* kOfferingVisible =
    "SELECT COUNT(*) FROM offerings o WHERE " ORDERLY_OFFERING_VISIBLE " AND o.id = $7";
inline constexpr const char* kSelectPlansOfOffering =
    "SELECT id, uuid, offering_id, name, unit_price, max_amount, backend_id, archived FROM plans "
    "WHERE offering_id = $1 ORDER BY id";
inline constexpr const char* kSelectPlanByUuid =
    "SELECT id, uuid, offering_id, name, unit_price, max_amount, backend_id, archived FROM plans "
    "WHERE uuid = $1";

#undef ORDERLY_OFFERING_VISIBLE
#undef ORDERLY_OFFERING_COLUMNS
#undef ORDERLY_OFFERING_FROM
#undef ORDERLY_OFFERING_FILTER

}  // namespace orderly::store::sql
