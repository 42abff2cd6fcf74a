#pragma once

namespace orderly::store::sql {

inline constexpr const char* kOrderRecordSelect =
    "SELECT o.id, o.uuid, o.type, o.state, o.project_id, o.resource_id, o.offering_id, o.plan_id, "
    "o.old_plan_id, o.limits, o.attributes, o.cost, o.backend_id, o.error_message, "
    "o.error_traceback, o.output, o.created, o.modified, o.created_by, o.consumer_reviewed_by, "
    "o.consumer_reviewed_at, o.provider_reviewed_by, o.provider_reviewed_at, o.callback_url, "
    "o.termination_comment, o.completed_at, o.start_date, o.request_comment, "
    "o.consumer_rejection_comment, o.provider_rejection_comment, "
    "p.uuid, p.name, p.start_date, p.end_date, c.id, c.uuid, c.name, c.blocked, "
    "f.uuid, f.name, f.type, f.customer_id, fc.uuid, fc.name, "
    "pl.uuid, pl.name, opl.uuid, opl.name, r.uuid, r.name, r.state, "
    "cu.uuid, cu.username, cu.full_name, ru.uuid, ru.username, ru.full_name, "
    "pu.uuid, pu.username, pu.full_name "
    "FROM orders o JOIN projects p ON p.id = o.project_id JOIN customers c ON c.id = p.customer_id "
    "JOIN offerings f ON f.id = o.offering_id JOIN customers fc ON fc.id = f.customer_id "
    "LEFT JOIN plans pl ON pl.id = o.plan_id LEFT JOIN plans opl ON opl.id = o.old_plan_id "
    "JOIN resources r ON r.id = o.resource_id LEFT JOIN users cu ON cu.id = o.created_by "
    "LEFT JOIN users ru ON ru.id = o.consumer_reviewed_by "
    "LEFT JOIN users pu ON pu.id = o.provider_reviewed_by";

inline constexpr const char* kInsertOrder =
    "INSERT INTO orders (uuid, type, state, project_id, resource_id, offering_id, plan_id, "
    "old_plan_id, limits, attributes, cost, backend_id, error_message, error_traceback, output, "
    "created, modified, created_by, consumer_reviewed_by, consumer_reviewed_at, "
    "provider_reviewed_by, provider_reviewed_at, callback_url, termination_comment, completed_at, "
    "start_date, request_comment, consumer_rejection_comment, provider_rejection_comment) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, "
    "$21, $22, $23, $24, $25, $26, $27, $28, $29) RETURNING id";

inline constexpr const char* kUpdateOrder =
    "UPDATE orders SET state = $1, plan_id = $2, old_plan_id = $3, limits = $4, attributes = $5, "
    "cost = $6, backend_id = $7, error_message = $8, error_traceback = $9, output = $10, "
    "modified = $11, consumer_reviewed_by = $12, consumer_reviewed_at = $13, "
    "provider_reviewed_by = $14, provider_reviewed_at = $15, callback_url = $16, "
    "termination_comment = $17, completed_at = $18, start_date = $19, request_comment = $20, "
    "consumer_rejection_comment = $21, provider_rejection_comment = $22 WHERE id = $23";

inline constexpr const char* kDeleteOrder = "DELETE FROM orders WHERE id = $1";
inline constexpr const char* kDeleteOrdersOfResource = "DELETE FROM orders WHERE resource_id = $1";
inline constexpr const char* kSelectOrderIdsOfResource =
    "SELECT id FROM orders WHERE resource_id = $1 ORDER BY id";
inline constexpr const char* kSelectOrderIdsInState =
    "SELECT id FROM orders WHERE state = $1 ORDER BY created, id LIMIT $2";
inline constexpr const char* kSelectOrderColumns =
    "SELECT o.id, o.uuid, o.type, o.state, o.project_id, o.resource_id, o.offering_id, o.plan_id, "
    "o.old_plan_id, o.limits, o.attributes, o.cost, o.backend_id, o.error_message, "
    "o.error_traceback, o.output, o.created, o.modified, o.created_by, o.consumer_reviewed_by, "
    "o.consumer_reviewed_at, o.provider_reviewed_by, o.provider_reviewed_at, o.callback_url, "
    "o.termination_comment, o.completed_at, o.start_date, o.request_comment, "
    "o.consumer_rejection_comment, o.provider_rejection_comment FROM orders o";

}  // namespace orderly::store::sql
