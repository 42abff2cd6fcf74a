#include "store/support_repository.hpp"

#include "store/sql/order_by.hpp"
#include "store/sql/params.hpp"
#include "store/sql/permission_clause.hpp"
#include "store/sql/support_queries.hpp"

namespace orderly::store {
namespace {

constexpr sql::ScopeColumns kIssueScopes{"o.project_id", "p.customer_id", "f.customer_id", "o.offering_id"};

domain::SupportIssue ToIssue(const sql::Row& row) {
  return domain::SupportIssue{
      .id = row.Int(0),
      .uuid = row.Text(1),
      .key = row.Text(2),
      .order_id = row.Int(3),
      .order_uuid = row.Text(4),
      .summary = row.Text(5),
      .description = row.Text(6),
      .status = domain::EnumByName(domain::IssueStatuses(), row.Text(7)).value_or(domain::IssueStatus::kNew),
      .caller_id = row.OptionalInt(8),
      .created = row.Text(9),
      .modified = row.Text(10)};
}

}  // namespace

void SupportRepository::Insert(domain::SupportIssue& issue) {
  const auto result = db_.Query(
      sql::kInsertIssue,
      {issue.uuid, issue.order_id, issue.order_uuid, issue.summary, issue.description,
       std::string(domain::NameOf(issue.status)),
       issue.caller_id ? sql::Value(*issue.caller_id) : sql::Value(std::monostate{}), issue.created});
  issue.id = result.rows.at(0).Int(0);
  issue.key = result.rows.at(0).Text(1);
}

void SupportRepository::Update(const domain::SupportIssue& issue) {
  db_.Query(sql::kUpdateIssue, {issue.summary, issue.description, std::string(domain::NameOf(issue.status)),
                                issue.modified, issue.id});
}

std::optional<domain::SupportIssue> SupportRepository::FindByUuid(const std::string& uuid) {
  const auto result = db_.Query(sql::kSelectIssueByUuid, {uuid});
  if (result.rows.empty()) return std::nullopt;
  return ToIssue(result.rows.front());
}

std::optional<domain::SupportIssue> SupportRepository::FindByOrder(domain::Id order_id) {
  const auto result = db_.Query(sql::kSelectIssueByOrder, {order_id});
  if (result.rows.empty()) return std::nullopt;
  return ToIssue(result.rows.front());
}

Page<domain::SupportIssue> SupportRepository::List(const Visibility& visibility,
                                                   const PermissionScope& order_list,
                                                   const ListOptions& options) {
  sql::Params params;
  const std::string where =
      visibility.everything ? std::string(" WHERE 1 = 1")
                            : " WHERE " + sql::HoldsPermissionClause(params, visibility.user_id, order_list, kIssueScopes);
  Page<domain::SupportIssue> page;
  page.total = db_.Query(std::string("SELECT COUNT(*)") + sql::kIssueFrom + where, params.values()).rows.at(0).Int(0);
  const std::string order_and_page = sql::OrderAndPage(
      options, {{"created", "i.created"}, {"modified", "i.modified"}, {"status", "i.status"}, {"key", "i.id"}},
      "i.created", params.next());
  params.Add(options.limit);
  params.Add(options.offset);
  for (const auto& row :
       db_.Query(std::string(sql::kIssueSelect) + sql::kIssueFrom + where + order_and_page, params.values()).rows) {
    page.items.push_back(ToIssue(row));
  }
  return page;
}

void SupportRepository::AddComment(domain::Id issue_id, const domain::SupportComment& comment,
                                   domain::Id author_id) {
  db_.Query(sql::kInsertComment, {comment.uuid, issue_id, author_id, comment.author_username, comment.body,
                                  comment.created});
}

std::vector<domain::SupportComment> SupportRepository::CommentsOf(domain::Id issue_id) {
  std::vector<domain::SupportComment> comments;
  for (const auto& row : db_.Query(sql::kSelectComments, {issue_id}).rows) {
    comments.push_back({.uuid = row.Text(0), .author_username = row.Text(1), .body = row.Text(2), .created = row.Text(3)});
  }
  return comments;
}

}  // namespace orderly::store
