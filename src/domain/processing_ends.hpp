#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "domain/lifecycle.hpp"
#include "domain/offering.hpp"
#include "domain/order.hpp"

namespace orderly::domain {

// How the carrying out of an executing order ends, whoever reports it: a job's processor, a pull
// of the backend that took the order, or the helpdesk issue of a Support order. These are the
// order moves processing makes; each leaves ProcessingState() (executing).
enum class ProcessingEnd {
  kProcessed,            // the processor succeeded, or the followed backend's order is done
  kProcessorFailed,      // the processor failed (processing.md §14.2)
  kFailedAtBackend,      // a pull found the backend's order erred (the failure callback of §5.2)
  kCanceledByBackend,    // the backend's order was canceled or rejected (§9.4)
  kIssueResolved,        // the helpdesk issue was resolved (§9.2)
  kIssueCanceled,        // the helpdesk issue of a Create order was canceled (§9.2)
  kIssueCanceledChange,  // the helpdesk issue of an Update or Terminate order was canceled (§9.2)
};

struct ProcessingEndRule {
  ProcessingEnd end;
  std::string_view name;
  std::string_view reported_by;
  OrderState to;
  OrderOutcome outcome;  // what it means for the order's resource (domain.md §4.2)
  // A pull reports it when the backend's order maps to `to` (remote_states.hpp).
  bool pulled = false;
};

std::span<const ProcessingEndRule> ProcessingEndRules();
const ProcessingEndRule& RuleOf(ProcessingEnd end);

// The end a pull reports when the backend's order maps to the local state `local`; nothing while
// the local order goes on executing.
std::optional<ProcessingEnd> PulledEnd(OrderState local);

// Whether a pull of the backend may be queued for the order: its type follows a backend
// (FollowsBackend), the order is being carried out (JobMayRun) and the backend has named its order.
bool MayPull(const Order& order, OfferingType type);

}  // namespace orderly::domain
