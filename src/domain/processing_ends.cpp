#include "domain/processing_ends.hpp"

#include <array>

#include "domain/capabilities.hpp"
#include "domain/state_rules.hpp"

namespace orderly::domain {
namespace {

using O = OrderState;
using E = ProcessingEnd;

const std::array<ProcessingEndRule, 7> kProcessingEnds{{
    {E::kProcessed, "processed", "a job's processor or a pull", O::kDone, OrderOutcome::kDone,
     true},
    {E::kProcessorFailed, "processor_failed", "a job's processor", O::kErred,
     OrderOutcome::kProcessorFailed},
    {E::kFailedAtBackend, "failed_at_backend", "a pull", O::kErred, OrderOutcome::kMarkedErred,
     true},
    {E::kCanceledByBackend, "canceled_by_backend", "a job's processor or a pull", O::kCanceled,
     OrderOutcome::kCanceled, true},
    {E::kIssueResolved, "issue_resolved", "the helpdesk issue (resolved)", O::kDone,
     OrderOutcome::kDone},
    {E::kIssueCanceled, "issue_canceled", "the helpdesk issue of a Create order (canceled)",
     O::kCanceled, OrderOutcome::kCanceled},
    {E::kIssueCanceledChange, "issue_canceled_change",
     "the helpdesk issue of an Update or Terminate order (canceled)", O::kErred,
     OrderOutcome::kMarkedErred},
}};

}  // namespace

std::span<const ProcessingEndRule> ProcessingEndRules() { return kProcessingEnds; }

const ProcessingEndRule& RuleOf(ProcessingEnd end) {
  for (const auto& rule : kProcessingEnds) {
    if (rule.end == end) return rule;
  }
  return kProcessingEnds.front();  // unreachable: order_moves_test covers every end
}

std::optional<ProcessingEnd> PulledEnd(OrderState local) {
  for (const auto& rule : kProcessingEnds) {
    if (rule.pulled && rule.to == local) return rule.end;
  }
  return std::nullopt;
}

bool MayPull(const Order& order, OfferingType type) {
  return FollowsBackend(type) && JobMayRun(order.state) && !order.backend_id.empty();
}

}  // namespace orderly::domain
