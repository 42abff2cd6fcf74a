#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/support_issue.hpp"
#include "service/context.hpp"
#include "store/transaction.hpp"

namespace orderly::service {

// Opens the helpdesk issue of a Support order that just started executing, in the transaction
// that started it; the order then waits for the issue (clarification 1). An order that already
// has an issue (a retry) keeps it.
void OpenSupportIssue(store::Transaction& tx, const domain::Order& order, const std::string& now);

struct IssueView {
  domain::SupportIssue issue;
  std::vector<domain::SupportComment> comments;
};

store::Page<domain::SupportIssue> ListSupportIssues(Context& context, const domain::Actor& actor,
                                                    const store::ListOptions& options);
IssueView GetSupportIssue(Context& context, const domain::Actor& actor, const std::string& uuid);
IssueView CommentOnSupportIssue(Context& context, const domain::Actor& actor, const std::string& uuid,
                                const std::function<std::string()>& read_body);
// Staff or the provider side. Resolving completes the order; canceling cancels a Create order and
// fails an Update or Terminate one (processing.md §9.2).
IssueView SetSupportIssueStatus(Context& context, const domain::Actor& actor, const std::string& uuid,
                                const std::function<domain::IssueStatus()>& read_status);

}  // namespace orderly::service
