#pragma once

#include <optional>
#include <vector>

#include "domain/support_issue.hpp"
#include "store/list_options.hpp"
#include "store/order_repository.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

class SupportRepository {
 public:
  explicit SupportRepository(sql::Connection& connection) : db_(connection) {}

  // Fills in id and key. A second issue for the same order is refused by the store (unique).
  void Insert(domain::SupportIssue& issue);
  void Update(const domain::SupportIssue& issue);
  std::optional<domain::SupportIssue> FindByUuid(const std::string& uuid);
  std::optional<domain::SupportIssue> FindByOrder(domain::Id order_id);
  // Issues whose orders the caller may see (the same rule as the order list).
  Page<domain::SupportIssue> List(const Visibility& visibility, const PermissionScope& order_list,
                                  const ListOptions& options);
  void AddComment(domain::Id issue_id, const domain::SupportComment& comment, domain::Id author_id);
  std::vector<domain::SupportComment> CommentsOf(domain::Id issue_id);

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
