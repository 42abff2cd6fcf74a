#pragma once

namespace orderly::store::sql {

inline constexpr const char* kInsertJob =
    "INSERT INTO jobs (order_id, order_uuid, state, attempts, run_after, created) "
    "VALUES ($1, $2, 'queued', 0, $3, $3)";
// A pull is queued once: a second request while one waits adds nothing (one still running does
// not count: it may have read the backend before the change that asks for this pull).
inline constexpr const char* kInsertPullJob =
    "INSERT INTO jobs (order_id, order_uuid, state, attempts, run_after, created, kind) "
    "SELECT $1, $2, 'queued', 0, $3, $3, 'pull' WHERE NOT EXISTS "
    "(SELECT 1 FROM jobs WHERE order_id = $1 AND state = 'queued')";
inline constexpr const char* kCountOpenJobsOfOrder =
    "SELECT COUNT(*) FROM jobs WHERE order_id = $1 AND state IN ('queued', 'running')";
// $1 now: due queued jobs, and running jobs whose lease expired.
inline constexpr const char* kSelectClaimableJob =
    "SELECT id, order_id, order_uuid, attempts, run_after, created, last_error, kind FROM jobs "
    "WHERE (state = 'queued' AND run_after <= $1) OR (state = 'running' AND lease_until < $1) "
    "ORDER BY run_after, id LIMIT 1";
inline constexpr const char* kClaimJob =
    "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = $1, lease_until = $2 "
    "WHERE id = $3";
inline constexpr const char* kRenewJob =
    "UPDATE jobs SET lease_until = $1 WHERE id = $2 AND lease_owner = $3 AND state = 'running'";
inline constexpr const char* kFinishJob =
    "UPDATE jobs SET state = $1, finished = $2, last_error = $3, lease_until = NULL "
    "WHERE id = $4 AND lease_owner = $5 AND state = 'running'";
inline constexpr const char* kRescheduleJob =
    "UPDATE jobs SET state = 'queued', run_after = $1, last_error = $2, lease_owner = NULL, "
    "lease_until = NULL WHERE id = $3 AND lease_owner = $4 AND state = 'running'";
inline constexpr const char* kCountJobsByState = "SELECT state, COUNT(*) FROM jobs GROUP BY state";

}  // namespace orderly::store::sql
