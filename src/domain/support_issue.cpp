#include "domain/support_issue.hpp"

#include <array>

namespace orderly::domain {
namespace {

constexpr std::array<EnumEntry<IssueStatus>, 4> kStatuses{{
    {IssueStatus::kNew, 1, "new"},
    {IssueStatus::kInProgress, 2, "in_progress"},
    {IssueStatus::kResolved, 3, "resolved"},
    {IssueStatus::kCanceled, 4, "canceled"},
}};

}  // namespace

std::span<const EnumEntry<IssueStatus>> IssueStatuses() { return kStatuses; }
std::string_view NameOf(IssueStatus status) { return EnumEntryOf(IssueStatuses(), status).name; }

std::optional<ProcessingEnd> ProcessingEndAfterIssue(IssueStatus status, OrderType type) {
  if (status == IssueStatus::kResolved) return ProcessingEnd::kIssueResolved;
  if (status == IssueStatus::kCanceled) {
    return type == OrderType::kCreate ? ProcessingEnd::kIssueCanceled
                                      : ProcessingEnd::kIssueCanceledChange;
  }
  return std::nullopt;
}

}  // namespace orderly::domain
