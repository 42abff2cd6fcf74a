#pragma once

#include <optional>
#include <span>
#include <string>

#include "domain/enum_table.hpp"
#include "domain/ids.hpp"
#include "domain/order.hpp"
#include "domain/processing_ends.hpp"

namespace orderly::domain {

enum class IssueStatus { kNew, kInProgress, kResolved, kCanceled };

std::span<const EnumEntry<IssueStatus>> IssueStatuses();
std::string_view NameOf(IssueStatus status);

// A helpdesk issue opened for a Support.OfferingTemplate order.
struct SupportIssue {
  Id id = 0;
  Uuid uuid;
  std::string key;  // "SUP-<n>", what people quote
  Id order_id = 0;
  Uuid order_uuid;
  std::string summary;
  std::string description;
  IssueStatus status = IssueStatus::kNew;
  std::optional<Id> caller_id;
  std::string created;
  std::string modified;
};

struct SupportComment {
  Uuid uuid;
  std::string author_username;
  std::string body;
  std::string created;
};

// processing.md §9.2: what a closed issue means for its order. Resolved: the work is done.
// Canceled: a Create order is canceled, an Update or Terminate order failed. Other statuses: no
// change. Returns how the order's processing ends, or nothing.
std::optional<ProcessingEnd> ProcessingEndAfterIssue(IssueStatus status, OrderType type);

}  // namespace orderly::domain
