#pragma once

namespace orderly::store::sql {

inline constexpr const char* kInsertCallback =
    "INSERT INTO outgoing_callbacks (order_uuid, url, state, attempts, run_after, created) "
    "VALUES ($1, $2, 'queued', 0, $3, $3)";
// $1 now: due queued callbacks, and ones whose sender died while posting (lease ran out).
inline constexpr const char* kSelectDueCallback =
    "SELECT id, order_uuid, url, attempts FROM outgoing_callbacks "
    "WHERE (state = 'queued' AND run_after <= $1) OR (state = 'sending' AND lease_until < $1) "
    "ORDER BY run_after, id LIMIT 1";
inline constexpr const char* kClaimCallback =
    "UPDATE outgoing_callbacks SET state = 'sending', attempts = attempts + 1, lease_until = $1 "
    "WHERE id = $2";
inline constexpr const char* kFinishCallback =
    "UPDATE outgoing_callbacks SET state = $1, last_error = $2, lease_until = NULL WHERE id = $3";
inline constexpr const char* kRescheduleCallback =
    "UPDATE outgoing_callbacks SET state = 'queued', run_after = $1, last_error = $2, "
    "lease_until = NULL WHERE id = $3";
inline constexpr const char* kCountCallbacksByState =
    "SELECT state, COUNT(*) FROM outgoing_callbacks GROUP BY state";

}  // namespace orderly::store::sql
