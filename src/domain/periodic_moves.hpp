#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/lifecycle.hpp"
#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "domain/routing.hpp"

namespace orderly::domain {

// When a periodic move is due, besides the order being in the move's from-state.
enum class PeriodicCondition {
  kProjectStarted,     // the project has no start date, or it is today or earlier (§3.7)
  kStartDateReached,   // the order has no start date, or it is today or earlier (§3.7)
  kExecutionTimedOut,  // the type's executions time out and the order has not changed for the
                       // execution time-out (processing.md §10)
};

enum class PeriodicMoveKind {
  kReleaseStartedProject,
  kReleaseAtStartDate,
  kTimeOutExecution,
};

// An order move nobody requests: the periodic jobs make it once its condition holds. These are
// the order transitions besides the actions of OrderTransitions().
struct PeriodicMove {
  PeriodicMoveKind kind;
  std::string_view name;
  OrderState from;
  std::optional<OrderState> to;  // empty: `route` decides
  OrderState (*route)(const RoutingFacts&) = nullptr;
  PeriodicCondition condition;
  std::string_view message;  // the order event's text
  // The order fails: `message` becomes its error message and it is completed now.
  bool fails = false;
  // What the move means for the order's resource (domain.md §4.2); empty: nothing.
  std::optional<OrderOutcome> outcome;
};

std::span<const PeriodicMove> PeriodicMoves();
const PeriodicMove& PeriodicMoveOf(PeriodicMoveKind kind);

// What a periodic move's condition is judged on. Dates and timestamps as in dates.hpp.
struct PeriodicFacts {
  OrderState state = OrderState::kPendingConsumer;
  OfferingType type = OfferingType::kBasic;
  std::optional<std::string> project_start_date;
  std::optional<std::string> order_start_date;
  std::string last_change;  // the order's `modified`
  std::string today;
  std::string now;
  int execution_timeout_seconds = 0;
};

// Whether `move` applies to the order now: it is in the move's from-state and the condition holds.
bool IsDue(const PeriodicMove& move, const PeriodicFacts& facts);

// Where the move takes the order: its fixed state, or where its routing sends it.
OrderState Destination(const PeriodicMove& move, const RoutingFacts& facts);

// Every state the move may lead to, over every combination of routing facts (in state order).
std::vector<OrderState> PossibleDestinations(const PeriodicMove& move);

std::string_view NameOf(PeriodicCondition condition);

}  // namespace orderly::domain
