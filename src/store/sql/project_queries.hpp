#pragma once

namespace orderly::store::sql {

// $1: sees everything (0/1), $2: user id.
#define ORDERLY_PROJECT_VISIBLE                                                                \
  "($1 = 1 OR p.id IN (SELECT scope_id FROM role_grants WHERE user_id = $2 AND "              \
  "scope_type = 'project') OR p.customer_id IN (SELECT scope_id FROM role_grants WHERE "      \
  "user_id = $2 AND scope_type = 'customer'))"
#define ORDERLY_PROJECT_COLUMNS                                                               \
  "p.id, p.uuid, p.customer_id, p.name, p.description, p.start_date, p.end_date, p.created, " \
  "c.uuid, c.name, p.backend_id"
#define ORDERLY_PROJECT_FROM " FROM projects p JOIN customers c ON c.id = p.customer_id"

inline constexpr const char* kInsertProject =
    "INSERT INTO projects (uuid, customer_id, name, description, start_date, end_date, created, "
    "backend_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
inline constexpr const char* kUpdateProject =
    "UPDATE projects SET name = $1, description = $2, start_date = $3, end_date = $4 "
    "WHERE id = $5";
inline constexpr const char* kSelectProjectByUuid =
    "SELECT " ORDERLY_PROJECT_COLUMNS ORDERLY_PROJECT_FROM " WHERE p.uuid = $1";
inline constexpr const char* kSelectProjectById =
    "SELECT " ORDERLY_PROJECT_COLUMNS ORDERLY_PROJECT_FROM " WHERE p.id = $1";
// $3: customer id or 0; $4: backend_id or '' (any).
inline constexpr const char* kSelectProjectsVisible =
    "SELECT " ORDERLY_PROJECT_COLUMNS ORDERLY_PROJECT_FROM " WHERE " ORDERLY_PROJECT_VISIBLE
    " AND ($3 = 0 OR p.customer_id = $3) AND ($4 = '' OR p.backend_id = $4)";
inline constexpr const char* kCountProjectsVisible =
    "SELECT COUNT(*) FROM projects p WHERE " ORDERLY_PROJECT_VISIBLE
    " AND ($3 = 0 OR p.customer_id = $3) AND ($4 = '' OR p.backend_id = $4)";
inline constexpr const char* kProjectVisible =
    "SELECT COUNT(*) FROM projects p WHERE " ORDERLY_PROJECT_VISIBLE " AND p.id = $3";

#undef ORDERLY_PROJECT_VISIBLE
#undef ORDERLY_PROJECT_COLUMNS
#undef ORDERLY_PROJECT_FROM

}  // namespace orderly::store::sql
