#pragma once

#include <optional>
#include <span>
#include <string>

#include "domain/lifecycle_actions.hpp"
#include "domain/offering.hpp"
#include "domain/order.hpp"

namespace orderly::domain {

// Checks an action makes before the state check, each a 400 when it fails (domain.md §5.2).
enum Precondition : unsigned {
  kNeedsUnblockedCustomer = 1u << 0,  // "Blocked organization is not available."
  kNeedsLiveProject = 1u << 1,        // "Project '<name>' is expired."
};

struct OrderTransition {
  OrderAction action;
  std::span<const OrderState> from;  // empty: any state
  // The state the action leads to; empty when routing decides (approvals) or nothing changes.
  std::optional<OrderState> to;
  unsigned preconditions;
  // Spec clarification 7: cancel_termination on an order it cannot apply to is a 409, not a 405.
  bool unsupported_type_is_conflict = false;
  // cancel_termination applies to Terminate orders only.
  std::optional<OrderType> only_type;
};

struct ResourceTransition {
  ResourceAction action;
  std::span<const ResourceState> from;  // empty: any state
  std::optional<ResourceState> to;      // empty: an order decides, or nothing changes
  unsigned preconditions;
};

std::span<const OrderTransition> OrderTransitions();
std::span<const ResourceTransition> ResourceTransitions();
const OrderTransition& TransitionOf(OrderAction action);
const ResourceTransition& TransitionOf(ResourceAction action);

template <typename State>
bool Allows(std::span<const State> from, State state) {
  if (from.empty()) return true;
  for (State allowed : from) {
    if (allowed == state) return true;
  }
  return false;
}

// "Valid states for operation: pending-consumer, executing." (domain.md §5.0).
std::string StateConflictMessage(std::span<const OrderState> states);
std::string StateConflictMessage(std::span<const ResourceState> states);

// What happened to an order, for its resource's next state (domain.md §4.2, spec decisions 6, 7
// and clarification 14).
enum class OrderOutcome {
  kCreated,          // a new order for the resource
  kDone,             // set_state_done or a processor success
  kProcessorFailed,  // the processor raised
  kMarkedErred,      // set_state_erred through the API
  kRejected,
  kCanceled,
  kRetried,
};

// The resource state after the outcome; the current one when the outcome leaves it alone.
ResourceState ResourceStateAfter(OrderOutcome outcome, const Order& order,
                                 const Resource& resource);

// resource_update_succeeded (domain.md §4.2): a done Update order's plan and limits become its
// resource's.
bool TakesOrderTerms(OrderOutcome outcome, const Order& order);

// Spec §3.11: edits of a Create order carry over to its resource while the resource is still
// being created.
bool FollowsOrderEdits(const Order& order, ResourceState resource_state);

// A resource in one of these is waiting for an order to finish; one that stays too long is stuck
// (the `transitional` column of ResourceStateRules(), state_rules.hpp).
bool IsTransitional(ResourceState state);

// domain.md §7.1: retrying a Create order needs its resource Erred or Terminated.
bool RetryAllowedFor(const Order& order, ResourceState resource_state);

// domain.md §5.3 R3: a Terminating resource whose Terminate order still waits for consumer
// approval. Terminating it again is no state conflict: a consumer approver confirms that order,
// and anyone else is told it exists.
bool AwaitsConsumerTerminationReview(ResourceState resource_state, const Order& open_order);

}  // namespace orderly::domain

namespace orderly::domain {

// Spec clarification 4: Create needs an Active offering; Update also takes a Paused one;
// Terminate is always accepted.
bool OfferingAccepts(OfferingState state, OrderType type);

}  // namespace orderly::domain
