#include "domain/periodic_moves.hpp"

#include <array>

#include "domain/capabilities.hpp"
#include "domain/dates.hpp"

namespace orderly::domain {
namespace {

using O = OrderState;

// domain.md §3.7 (releases) and processing.md §10 mark_resources_as_erred_after_timeout.
const std::array<PeriodicMove, 3> kPeriodicMoves{{
    {.kind = PeriodicMoveKind::kReleaseStartedProject,
     .name = "release_started_project",
     .from = O::kPendingProject,
     .to = std::nullopt,
     .route = RouteWhenProjectStarts,
     .condition = PeriodicCondition::kProjectStarted,
     .message = "Project has started; order released."},
    {.kind = PeriodicMoveKind::kReleaseAtStartDate,
     .name = "release_at_start_date",
     .from = O::kPendingStartDate,
     .to = O::kExecuting,
     .condition = PeriodicCondition::kStartDateReached,
     .message = "Start date reached; order released."},
    {.kind = PeriodicMoveKind::kTimeOutExecution,
     .name = "time_out_execution",
     .from = O::kExecuting,
     .to = O::kErred,
     .condition = PeriodicCondition::kExecutionTimedOut,
     .message = "Execution has timed out.",
     .fails = true,
     .outcome = OrderOutcome::kProcessorFailed},
}};

// A date not after today has come; no date at all never holds an order back.
bool HasCome(const std::optional<std::string>& date, const std::string& today) {
  return !date || *date <= today;
}

}  // namespace

std::span<const PeriodicMove> PeriodicMoves() { return kPeriodicMoves; }

const PeriodicMove& PeriodicMoveOf(PeriodicMoveKind kind) {
  for (const auto& move : kPeriodicMoves) {
    if (move.kind == kind) return move;
  }
  return kPeriodicMoves.front();  // unreachable: periodic_moves_test covers every kind
}

bool IsDue(const PeriodicMove& move, const PeriodicFacts& facts) {
  if (facts.state != move.from) return false;
  switch (move.condition) {
    case PeriodicCondition::kProjectStarted: return HasCome(facts.project_start_date, facts.today);
    case PeriodicCondition::kStartDateReached: return HasCome(facts.order_start_date, facts.today);
    case PeriodicCondition::kExecutionTimedOut:
      return ExecutionTimesOut(facts.type) &&
             facts.last_change < AddSeconds(facts.now, -facts.execution_timeout_seconds);
  }
  return false;
}

OrderState Destination(const PeriodicMove& move, const RoutingFacts& facts) {
  if (move.to) return *move.to;
  return move.route(facts);
}

std::vector<OrderState> PossibleDestinations(const PeriodicMove& move) {
  if (move.to) return {*move.to};
  return PossibleRoutes(move.route);
}

std::string_view NameOf(PeriodicCondition condition) {
  switch (condition) {
    case PeriodicCondition::kProjectStarted: return "the project has no start date or it has come";
    case PeriodicCondition::kStartDateReached: return "the order has no start date or it has come";
    case PeriodicCondition::kExecutionTimedOut:
      return "the type's executions time out and the order has not changed for the execution "
             "time-out";
  }
  return "";
}

}  // namespace orderly::domain
