#pragma once

namespace orderly::store::sql {

#define ORDERLY_ISSUE_COLUMNS \
  "i.id, i.uuid, i.key, i.order_id, i.order_uuid, i.summary, i.description, i.status, i.caller_id, i.created, i.modified"

inline constexpr const char* kInsertIssue =
    "INSERT INTO support_issues (uuid, key, order_id, order_uuid, summary, description, status, caller_id, "
    "created, modified) VALUES ($1, 'SUP-' || (SELECT COALESCE(MAX(id), 0) + 1 FROM support_issues), $2, $3, $4, "
    "$5, $6, $7, $8, $8) RETURNING id, key";
inline constexpr const char* kUpdateIssue =
    "UPDATE support_issues SET summary = $1, description = $2, status = $3, modified = $4 WHERE id = $5";
inline constexpr const char* kSelectIssueByUuid = "SELECT " ORDERLY_ISSUE_COLUMNS " FROM support_issues i WHERE i.uuid = $1";
inline constexpr const char* kSelectIssueByOrder =
    "SELECT " ORDERLY_ISSUE_COLUMNS " FROM support_issues i WHERE i.order_id = $1";
inline constexpr const char* kIssueFrom =
    " FROM support_issues i JOIN orders o ON o.id = i.order_id JOIN projects p ON p.id = o.project_id "
    "JOIN offerings f ON f.id = o.offering_id";
inline constexpr const char* kIssueSelect = "SELECT " ORDERLY_ISSUE_COLUMNS;
inline constexpr const char* kInsertComment =
    "INSERT INTO support_comments (uuid, issue_id, author_id, author_username, body, created) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
inline constexpr const char* kSelectComments =
    "SELECT uuid, author_username, body, created FROM support_comments WHERE issue_id = $1 ORDER BY id";

#undef ORDERLY_ISSUE_COLUMNS

}  // namespace orderly::store::sql
