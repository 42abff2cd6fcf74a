#include "service/orders/periodic_jobs.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "domain/capabilities.hpp"
#include "domain/dates.hpp"
#include "domain/event_types.hpp"
#include "domain/lifecycle.hpp"
#include "domain/routing.hpp"
#include "service/orders/job_processing.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/orders/order_routing.hpp"

namespace orderly::service {
namespace {

constexpr std::int64_t kBatch = 1000;
// Names the store lock that lets one node at a time run the periodic jobs.
constexpr std::int64_t kPeriodicJobsLock = 0x6f72646572'0001;

bool ReleaseFromPendingProject(Context& context, domain::Id order_id) {
  return context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, nullptr);
    auto record = tx.Orders().FindById(order_id);
    if (!record || record->order.state != domain::OrderState::kPendingProject) return false;
    const auto project = tx.Projects().FindById(record->order.project_id);
    if (project->start_date && *project->start_date > workflow.today()) return false;
    const auto offering = tx.Offerings().FindById(record->order.offering_id);
    // Provider review is judged for the consumer-side reviewer, as at approval time.
    const domain::Id reviewer =
        record->order.consumer_reviewed_by.value_or(record->order.created_by.value_or(0));
    const domain::Actor approver = LoadActor(tx, reviewer);
    const auto facts =
        RoutingFactsFor(record->order, *offering, *project, approver, workflow.today());
    workflow.MoveOrder(record->order, domain::RouteWhenProjectStarts(facts), offering->type,
                       "Project has started; order released.");
    return true;
  });
}

bool ReleaseFromPendingStartDate(Context& context, domain::Id order_id) {
  return context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, nullptr);
    auto record = tx.Orders().FindById(order_id);
    if (!record || record->order.state != domain::OrderState::kPendingStartDate) return false;
    if (record->order.start_date && *record->order.start_date > workflow.today()) return false;
    workflow.MoveOrder(record->order, domain::OrderState::kExecuting, record->where.offering_type,
                       "Start date reached; order released.");
    return true;
  });
}

// processing.md §10 mark_resources_as_erred_after_timeout: fail() with "Execution has timed out."
bool TimeOut(Context& context, domain::Id order_id, int timeout_seconds) {
  return context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, nullptr);
    auto record = tx.Orders().FindById(order_id);
    if (!record || record->order.state != domain::OrderState::kExecuting) return false;
    if (!domain::ExecutionTimesOut(record->where.offering_type)) return false;
    if (record->order.modified >= domain::AddSeconds(workflow.now(), -timeout_seconds))
      return false;
    auto& order = record->order;
    order.error_message = "Execution has timed out.";
    order.completed_at = workflow.now();
    workflow.MoveOrder(order, domain::OrderState::kErred, record->where.offering_type,
                       order.error_message);
    domain::Resource resource = ResourceOf(tx, order);
    workflow.ApplyOutcome(domain::OrderOutcome::kProcessorFailed, order, resource);
    return true;
  });
}

// One event per stuck episode: the query skips resources flagged since their last change, and the
// check is repeated in the writing transaction so that two concurrent runs flag a resource once.
int FlagStuckResources(Context& context) {
  const std::string event_type(domain::kResourceStuckEvent);
  std::vector<domain::ResourceState> transitional;
  for (const auto& entry : domain::ResourceStates()) {
    if (domain::IsTransitional(entry.value)) transitional.push_back(entry.value);
  }
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

template <typename Release>
int ReleaseAll(Context& context, domain::OrderState state, Release&& release) {
  const auto ids = context.store.Read(
      [&](store::Transaction& tx) { return tx.Orders().IdsInState(state, kBatch); });
  int released = 0;
  for (domain::Id id : ids) released += release(context, id) ? 1 : 0;
  return released;
}

PeriodicReport RunUnlocked(Context& context) {
  PeriodicReport report;
  report.pending_project_released = ReleaseStartedProjects(context);
  report.pending_start_date_released =
      ReleaseAll(context, domain::OrderState::kPendingStartDate, ReleaseFromPendingStartDate);
  report.timed_out =
      ReleaseAll(context, domain::OrderState::kExecuting, [&](Context& c, domain::Id id) {
        return TimeOut(c, id, c.limits.execution_timeout_seconds);
      });
  report.stuck_flagged = FlagStuckResources(context);
  report.remote_pulls_queued = QueuePeriodicPulls(context);
  return report;
}

}  // namespace

int ReleaseStartedProjects(Context& context) {
  return ReleaseAll(context, domain::OrderState::kPendingProject, ReleaseFromPendingProject);
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
