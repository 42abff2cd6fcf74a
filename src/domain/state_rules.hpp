#pragma once

#include <span>
#include <vector>

#include "domain/order.hpp"

namespace orderly::domain {

// domain.md §3.1: every order starts here, before routing looks at it.
inline constexpr OrderState kNewOrderState = OrderState::kPendingConsumer;

// When reaching a state stamps the order's completed_at (domain.md §2.1): done, canceled and
// rejected always; erred only through Waldur's fail() (the execution time-out), never through
// set_state_erred() or a processor's failure.
enum class Completion { kNever, kAlways, kWhenFailed };

// How an order is moved: plainly, or by Waldur's fail(), which also completes it.
enum class MoveKind { kPlain, kFail };

// What an order state means, one row per state (domain.md §1.2, §2.1, processing.md §9).
struct OrderStateRule {
  OrderState state;
  bool terminal;  // ends the order (§1.2): no longer open, blocks no new order
  Completion completion;
  bool records_error;  // the move's event carries the order's error_message and traceback
  // The order is being carried out: reaching it starts processing, jobs run and pulls follow
  // only while the order is in it, and every processing end leaves it.
  bool processing;
};

// What a resource state means, one row per state (domain.md §1.3, §4).
struct ResourceStateRule {
  ResourceState state;
  bool transitional;    // waiting for an order to finish; one that stays too long is stuck
  bool counts_on_plan;  // the resource uses its plan's capacity (plan.max_amount)
};

std::span<const OrderStateRule> OrderStateRules();
std::span<const ResourceStateRule> ResourceStateRules();
const OrderStateRule& RuleOf(OrderState state);
const ResourceStateRule& RuleOf(ResourceState state);

bool StampsCompletion(OrderState reached, MoveKind kind);
bool RecordsError(OrderState state);
// Whether a job (process or pull) may run for an order in this state, and whether reaching the
// state hands the order to its processor.
bool JobMayRun(OrderState state);
// The one state in which orders are carried out (the row whose `processing` is set).
OrderState ProcessingState();

// The states of the rows that say so, in state order.
std::vector<OrderState> OpenOrderStates();
std::vector<ResourceState> TransitionalResourceStates();
std::vector<ResourceState> ResourceStatesCountingOnPlan();

}  // namespace orderly::domain
