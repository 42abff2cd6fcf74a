#include "service/orders/periodic_jobs.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "domain/dates.hpp"
#include "domain/event_types.hpp"
#include "domain/lifecycle.hpp"
#include "domain/periodic_moves.hpp"
#include "domain/routing.hpp"
#include "domain/state_rules.hpp"
#include "service/orders/job_processing.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/orders/order_routing.hpp"

namespace orderly::service {
namespace {

constexpr std::int64_t kBatch = 1000;
// Names the store lock that lets one node at a time run the periodic jobs.
constexpr std::int64_t kPeriodicJobsLock = 0x6f72646572'0001;

domain::PeriodicFacts FactsOf(const store::OrderRecord& record, const Workflow& workflow,
                              const Limits& limits) {
  return domain::PeriodicFacts{.state = record.order.state,
                               .type = record.where.offering_type,
                               .project_start_date = record.where.project_start_date,
                               .order_start_date = record.order.start_date,
                               .last_change = record.order.modified,
                               .today = workflow.today(),
                               .now = workflow.now(),
                               .execution_timeout_seconds = limits.execution_timeout_seconds};
}

// Routing as at the project's start (§3.7): provider review is judged for the consumer-side
// reviewer, as at approval time.
domain::RoutingFacts RoutingFactsNow(store::Transaction& tx, const Workflow& workflow,
                                     const domain::Order& order) {
  const auto project = tx.Projects().FindById(order.project_id);
  const auto offering = tx.Offerings().FindById(order.offering_id);
  const domain::Id reviewer = order.consumer_reviewed_by.value_or(order.created_by.value_or(0));
  const domain::Actor approver = LoadActor(tx, reviewer);
  return RoutingFactsFor(order, *offering, *project, approver, workflow.today());
}

// Makes `move` on the order when the domain says it is due, in one transaction that looks again.
bool MakeMove(Context& context, const domain::PeriodicMove& move, domain::Id order_id) {
  return context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, nullptr);
    auto record = tx.Orders().FindById(order_id);
    if (!record || !domain::IsDue(move, FactsOf(*record, workflow, context.limits))) return false;
    auto& order = record->order;
    // Only routed moves need the routing facts (and the reads behind them).
    const domain::RoutingFacts routing =
        move.route != nullptr ? RoutingFactsNow(tx, workflow, order) : domain::RoutingFacts{};
    if (move.fails) order.error_message = std::string(move.message);
    workflow.MoveOrder(order, domain::Destination(move, routing), record->where.offering_type,
                       std::string(move.message),
                       move.fails ? domain::MoveKind::kFail : domain::MoveKind::kPlain);
    if (move.outcome) {
      domain::Resource resource = ResourceOf(tx, order);
      workflow.ApplyOutcome(*move.outcome, order, resource);
    }
    return true;
  });
}

// One event per stuck episode: the query skips resources flagged since their last change, and the
// check is repeated in the writing transaction so that two concurrent runs flag a resource once.
int FlagStuckResources(Context& context) {
  const std::string event_type(domain::kResourceStuckEvent);
  const std::vector<domain::ResourceState> transitional = domain::TransitionalResourceStates();
  const std::string threshold =
      domain::AddSeconds(context.clock.Now(), -context.limits.stuck_after_seconds);
  const auto candidates = context.store.Read([&](store::Transaction& tx) {
    return tx.Resources().UnflaggedStuck(transitional, threshold, event_type, kBatch);
  });
  int flagged = 0;
  for (const auto& candidate : candidates) {
    flagged += context.store.Write([&](store::Transaction& tx) {
      const auto still =
          tx.Resources().UnflaggedStuck({candidate.state}, threshold, event_type, kBatch);
      const bool unflagged = std::any_of(still.begin(), still.end(), [&](const auto& s) {
        return s.id == candidate.id && s.modified == candidate.modified;
      });
      if (!unflagged) return 0;
      Workflow workflow(context, tx, nullptr);
      const std::string state(domain::NameOf(candidate.state));
      workflow.LogResource(candidate.uuid, domain::kResourceStuckEvent,
                           "Resource has been " + state + " since " + candidate.modified +
                               ", longer than " +
                               std::to_string(context.limits.stuck_after_seconds) + " seconds.",
                           {{"state", state},
                            {"since", candidate.modified},
                            {"stuck_after_seconds", context.limits.stuck_after_seconds}});
      return 1;
    });
  }
  return flagged;
}

// The orders in the move's from-state, each moved in its own transaction when due.
int MakeDueMoves(Context& context, const domain::PeriodicMove& move) {
  const auto ids = context.store.Read(
      [&](store::Transaction& tx) { return tx.Orders().IdsInState(move.from, kBatch); });
  int moved = 0;
  for (domain::Id id : ids) moved += MakeMove(context, move, id) ? 1 : 0;
  return moved;
}

int& CountOf(PeriodicReport& report, domain::PeriodicMoveKind kind) {
  switch (kind) {
    case domain::PeriodicMoveKind::kReleaseStartedProject: return report.pending_project_released;
    case domain::PeriodicMoveKind::kReleaseAtStartDate: return report.pending_start_date_released;
    case domain::PeriodicMoveKind::kTimeOutExecution: return report.timed_out;
  }
  return report.timed_out;  // unreachable: every kind is listed
}

PeriodicReport RunUnlocked(Context& context) {
  PeriodicReport report;
  for (const auto& move : domain::PeriodicMoves()) {
    CountOf(report, move.kind) += MakeDueMoves(context, move);
  }
  report.stuck_flagged = FlagStuckResources(context);
  report.remote_pulls_queued = QueuePeriodicPulls(context);
  return report;
}

}  // namespace

int ReleaseStartedProjects(Context& context) {
  return MakeDueMoves(context,
                      domain::PeriodicMoveOf(domain::PeriodicMoveKind::kReleaseStartedProject));
}

PeriodicReport RunPeriodicJobs(Context& context) {
  // Another node's run holds the lock for at most one pass over the due orders.
  while (true) {
    if (const auto lock = context.store.TryLock(kPeriodicJobsLock)) return RunUnlocked(context);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::optional<PeriodicReport> TryRunPeriodicJobs(Context& context) {
  const auto lock = context.store.TryLock(kPeriodicJobsLock);
  if (!lock) return std::nullopt;
  return RunUnlocked(context);
}

PeriodicReport RunPeriodicJobs(Context& context, const domain::Actor& actor) {
  Require(actor, domain::Action::kRunPeriodicJobs, {});
  return RunPeriodicJobs(context);
}

}  // namespace orderly::service
