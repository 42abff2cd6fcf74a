#include "domain/lifecycle.hpp"

#include <array>

namespace orderly::domain {
namespace {

using O = OrderState;
using R = ResourceState;

constexpr std::array kFromPendingConsumer{O::kPendingConsumer};
constexpr std::array kFromPendingProvider{O::kPendingProvider};
constexpr std::array kFromExecuting{O::kExecuting};
constexpr std::array kFromErred{O::kErred};
constexpr std::array kCancelFrom{O::kPendingConsumer, O::kPendingProvider, O::kPendingStartDate,
                                 O::kExecuting};
constexpr std::array kExecutingFrom{O::kPendingConsumer, O::kPendingProvider, O::kErred};
constexpr std::array kDestroyFrom{O::kPendingConsumer, O::kPendingProvider};
constexpr std::array<OrderState, 0> kAnyOrderState{};

constexpr unsigned kBlocked = kNeedsUnblockedCustomer;
constexpr unsigned kBlockedOrExpired = kNeedsUnblockedCustomer | kNeedsLiveProject;

// domain.md §3.13 and §5.2, with spec decisions 1-3.
const std::array<OrderTransition, 14> kOrderTransitions{{
    {OrderAction::kApproveByConsumer, kFromPendingConsumer, std::nullopt, kBlockedOrExpired},
    {OrderAction::kRejectByConsumer, kFromPendingConsumer, O::kRejected, kBlocked},
    {OrderAction::kApproveByProvider, kFromPendingProvider, std::nullopt, kBlocked},
    {OrderAction::kRejectByProvider, kFromPendingProvider, O::kRejected, kBlocked},
    {OrderAction::kCancel, kCancelFrom, O::kCanceled, 0},
    {OrderAction::kSetStateExecuting, kExecutingFrom, O::kExecuting, 0},
    {OrderAction::kSetStateDone, kFromExecuting, O::kDone, 0},
    {OrderAction::kSetStateErred, kAnyOrderState, O::kErred, 0},
    {OrderAction::kRetry, kFromErred, O::kExecuting, 0},
    {OrderAction::kUnlink, kAnyOrderState, std::nullopt, 0},
    {OrderAction::kCancelTermination, kFromExecuting, O::kCanceled, 0, true, OrderType::kTerminate},
    {OrderAction::kSetBackendId, kAnyOrderState, std::nullopt, kBlocked},
    {OrderAction::kUpdate, kFromPendingConsumer, std::nullopt, kBlockedOrExpired},
    {OrderAction::kDestroy, kDestroyFrom, std::nullopt, kBlocked},
}};

constexpr std::array kOkOrErred{R::kOk, R::kErred};
constexpr std::array kOkOnly{R::kOk};
constexpr std::array kRepairable{R::kErred, R::kCreating, R::kUpdating, R::kTerminating};
constexpr std::array kNotTerminated{R::kCreating, R::kOk, R::kErred, R::kUpdating, R::kTerminating};
constexpr std::array<ResourceState, 0> kAnyResourceState{};

// domain.md §4.1 and §5.3, with spec decisions 4-6 and clarification 6.
const std::array<ResourceTransition, 12> kResourceTransitions{{
    {ResourceAction::kTerminate, kOkOrErred, std::nullopt, kBlocked},
    {ResourceAction::kForceDestroy, kOkOrErred, std::nullopt, kBlocked},
    {ResourceAction::kSwitchPlan, kOkOnly, std::nullopt, kBlocked},
    {ResourceAction::kUpdateLimits, kOkOnly, std::nullopt, kBlocked},
    {ResourceAction::kSetStateOk, kRepairable, R::kOk, 0},
    // set_as_ok also accepts OK (a no-op, clarification 6), so its sources are all but Terminated.
    {ResourceAction::kSetAsOk, kNotTerminated, R::kOk, 0},
    {ResourceAction::kSetAsErred, kNotTerminated, R::kErred, 0},
    {ResourceAction::kUnlink, kAnyResourceState, std::nullopt, 0},
    {ResourceAction::kSetBackendId, kAnyResourceState, std::nullopt, 0},
    {ResourceAction::kSetLimits, kAnyResourceState, std::nullopt, 0},
    {ResourceAction::kSetBackendMetadata, kAnyResourceState, std::nullopt, 0},
    {ResourceAction::kUpdate, kAnyResourceState, std::nullopt, 0},
}};

template <typename State>
std::string ConflictMessage(std::span<const State> states) {
  std::string names;
  for (State state : states) names += (names.empty() ? "" : ", ") + std::string(NameOf(state));
  return "Valid states for operation: " + names + ".";
}

}  // namespace

std::span<const OrderTransition> OrderTransitions() { return kOrderTransitions; }
std::span<const ResourceTransition> ResourceTransitions() { return kResourceTransitions; }

const OrderTransition& TransitionOf(OrderAction action) {
  for (const auto& transition : kOrderTransitions) {
    if (transition.action == action) return transition;
  }
  return kOrderTransitions.front();  // unreachable: lifecycle_test covers every action
}

const ResourceTransition& TransitionOf(ResourceAction action) {
  for (const auto& transition : kResourceTransitions) {
    if (transition.action == action) return transition;
  }
  return kResourceTransitions.front();  // unreachable: lifecycle_test covers every action
}

std::string StateConflictMessage(std::span<const OrderState> states) {
  return ConflictMessage(states);
}
std::string StateConflictMessage(std::span<const ResourceState> states) {
  return ConflictMessage(states);
}

ResourceState ResourceStateAfter(OrderOutcome outcome, const Order& order,
                                 const Resource& resource) {
  const ResourceState current = resource.state;
  switch (outcome) {
    case OrderOutcome::kCreated:
      if (order.type == OrderType::kCreate) return R::kCreating;
      if (current == R::kErred) return current;
      return order.type == OrderType::kUpdate ? R::kUpdating : R::kTerminating;
    case OrderOutcome::kDone: return order.type == OrderType::kTerminate ? R::kTerminated : R::kOk;
    case OrderOutcome::kProcessorFailed:
      if (order.IsForceDestroy()) return R::kTerminated;
      return R::kErred;
    case OrderOutcome::kMarkedErred:
      if (order.IsForceDestroy()) return R::kTerminated;
      if (order.type == OrderType::kTerminate && current != R::kOk) return R::kOk;
      if (order.type == OrderType::kCreate && current == R::kCreating &&
          resource.backend_id.empty()) {
        return R::kTerminated;
      }
      if (current == R::kErred || current == R::kTerminated) return current;
      return R::kErred;
    case OrderOutcome::kRejected:
    case OrderOutcome::kCanceled: return order.type == OrderType::kCreate ? R::kTerminated : R::kOk;
    case OrderOutcome::kRetried:
      switch (order.type) {
        case OrderType::kCreate: return R::kCreating;
        case OrderType::kUpdate: return R::kUpdating;
        case OrderType::kTerminate: return R::kTerminating;
      }
  }
  return current;
}

bool TakesOrderTerms(OrderOutcome outcome, const Order& order) {
  return outcome == OrderOutcome::kDone && order.type == OrderType::kUpdate;
}

bool FollowsOrderEdits(const Order& order, ResourceState resource_state) {
  return order.type == OrderType::kCreate && resource_state == R::kCreating;
}

bool RetryAllowedFor(const Order& order, ResourceState resource_state) {
  if (order.type != OrderType::kCreate) return true;
  return resource_state == R::kErred || resource_state == R::kTerminated;
}

}  // namespace orderly::domain

namespace orderly::domain {

bool OfferingAccepts(OfferingState state, OrderType type) {
  switch (type) {
    case OrderType::kCreate: return state == OfferingState::kActive;
    case OrderType::kUpdate:
      return state == OfferingState::kActive || state == OfferingState::kPaused;
    case OrderType::kTerminate: return true;
  }
  return false;
}

}  // namespace orderly::domain

namespace orderly::domain {

bool AwaitsConsumerTerminationReview(ResourceState resource_state, const Order& open_order) {
  return resource_state == ResourceState::kTerminating &&
         open_order.type == OrderType::kTerminate &&
         open_order.state == OrderState::kPendingConsumer;
}

}  // namespace orderly::domain
