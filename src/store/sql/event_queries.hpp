#pragma once

namespace orderly::store::sql {

inline constexpr const char* kInsertEvent =
    "INSERT INTO events (uuid, created, event_type, message, actor_uuid, actor_username, "
    "scope_type, scope_uuid, context) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
inline constexpr const char* kSelectEventsOfScope =
    "SELECT e.uuid, e.created, e.event_type, e.message, e.actor_uuid, e.actor_username, "
    "e.scope_type, e.scope_uuid, e.context FROM events e WHERE e.scope_uuid = $1";
inline constexpr const char* kCountEventsOfScope = "SELECT COUNT(*) FROM events WHERE scope_uuid = $1";

}  // namespace orderly::store::sql
