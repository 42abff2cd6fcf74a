#include "service/orders/job_processing.hpp"

#include <algorithm>

#include "domain/capabilities.hpp"
#include "domain/dates.hpp"
#include "domain/error.hpp"
#include "domain/event_types.hpp"
#include "domain/processing_ends.hpp"
#include "domain/state_rules.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/orders/workflow.hpp"

namespace orderly::service {
namespace {

// 2, 4, 8, 16 seconds between attempts of a transiently failing job.
int BackoffSeconds(int attempts) { return std::min(60, 1 << std::min(attempts, 6)); }

// The backend's ids for the order and its resource, as the result reports them.
void RecordBackendIds(domain::Order& order, domain::Resource& resource,
                      const ProcessingResult& result) {
  if (result.backend_id) {
    resource.backend_id = *result.backend_id;
    if (!result.order_backend_id) order.backend_id = *result.backend_id;
  }
  if (result.order_backend_id) order.backend_id = *result.order_backend_id;
}

void Complete(Workflow& workflow, store::Transaction& tx, store::OrderRecord& record,
              const ProcessingResult& result) {
  auto& order = record.order;
  domain::Resource resource = ResourceOf(tx, order);
  order.output = result.output;
  RecordBackendIds(order, resource, result);
  if (result.backend_metadata) resource.backend_metadata = *result.backend_metadata;
  const auto& end = domain::RuleOf(domain::ProcessingEnd::kProcessed);
  if (domain::TakesOrderTerms(end.outcome, order)) {
    if (order.plan_id) resource.plan_id = order.plan_id;
    resource.limits = order.limits;
  }
  workflow.MoveOrder(order, end.to, record.where.offering_type, "Processed by the backend.");
  workflow.ApplyOutcome(end.outcome, order, resource);
}

// A processor that failed is processing.md §14.2 (resource Erred); a pull that found the
// backend's order erred is the failure callback of §5.2 (a failed Terminate leaves the resource
// OK), which is what set_state_erred applies too.
void Fail(Workflow& workflow, store::Transaction& tx, store::OrderRecord& record,
          const ProcessingResult& result, const domain::ProcessingEndRule& end) {
  auto& order = record.order;
  domain::Resource resource = ResourceOf(tx, order);
  RecordBackendIds(order, resource, result);
  order.output = result.output;
  order.error_message = result.error_message;
  order.error_traceback = result.error_traceback;
  workflow.MoveOrder(order, end.to, record.where.offering_type,
                     "Processing failed: " + result.error_message);
  workflow.ApplyOutcome(end.outcome, order, resource);
}

// The backend canceled or rejected its order: processing.md §9.4 maps both to canceled.
void Cancel(Workflow& workflow, store::Transaction& tx, store::OrderRecord& record,
            const ProcessingResult& result) {
  auto& order = record.order;
  domain::Resource resource = ResourceOf(tx, order);
  RecordBackendIds(order, resource, result);
  order.output = result.output;
  if (!result.error_message.empty()) order.error_message = result.error_message;
  const auto& end = domain::RuleOf(domain::ProcessingEnd::kCanceledByBackend);
  workflow.MoveOrder(
      order, end.to, record.where.offering_type,
      "Canceled by the backend." +
          (result.error_message.empty() ? std::string() : " " + result.error_message));
  workflow.ApplyOutcome(end.outcome, order, resource);
}

// The backend works on the order: keep it executing, remember the backend's ids; after a
// submission, look at the backend once right away.
void KeepFollowing(Workflow& workflow, store::Transaction& tx, store::OrderRecord& record,
                   const domain::Job& job, const ProcessingResult& result) {
  auto& order = record.order;
  domain::Resource resource = ResourceOf(tx, order);
  const std::string order_backend_id = order.backend_id;
  const std::string resource_backend_id = resource.backend_id;
  RecordBackendIds(order, resource, result);
  if (resource.backend_id != resource_backend_id) {
    workflow.SaveResource(resource, domain::kResourceUpdatedEvent,
                          "Backend id set to " + resource.backend_id + " by the backend.");
  }
  if (order.backend_id != order_backend_id ||
      (!result.output.empty() && result.output != order.output)) {
    order.output = result.output.empty() ? order.output : result.output;
    workflow.SaveOrder(order, domain::kOrderBackendIdEvent,
                       "Submitted to the backend as order " + order.backend_id + ".");
  }
  if (job.kind == domain::JobKind::kProcess)
    tx.Jobs().EnqueuePull(order.id, order.uuid, workflow.now());
}

}  // namespace

std::optional<domain::Job> ClaimJob(Context& context, const std::string& worker,
                                    int lease_seconds) {
  return context.store.Write([&](store::Transaction& tx) {
    const std::string now = context.clock.Now();
    return tx.Jobs().Claim(worker, now, domain::AddSeconds(now, lease_seconds));
  });
}

bool RenewJob(Context& context, const domain::Job& job, const std::string& worker,
              int lease_seconds) {
  return context.store.Write([&](store::Transaction& tx) {
    return tx.Jobs().Renew(job.id, worker, domain::AddSeconds(context.clock.Now(), lease_seconds));
  });
}

std::optional<ProcessingInput> StartJob(Context& context, const domain::Job& job,
                                        const std::string& worker) {
  return context.store.Write([&](store::Transaction& tx) -> std::optional<ProcessingInput> {
    auto record = tx.Orders().FindById(job.order_id);
    if (!record || !domain::JobMayRun(record->order.state)) {
      // Canceled, unlinked or finished by hand meanwhile: nothing left to do.
      tx.Jobs().Finish(job.id, worker, domain::JobState::kDone, context.clock.Now(),
                       "order no longer executing");
      return std::nullopt;
    }
    auto offering = tx.Offerings().FindById(record->order.offering_id);
    auto resource = ResourceOf(tx, record->order);
    ProcessingInput input{.job_key = job.order_uuid + "-" + std::to_string(job.id),
                          .kind = job.kind,
                          .record = std::move(*record),
                          .offering = std::move(*offering),
                          .resource = std::move(resource)};
    if (input.record.order.created_by) {
      if (auto creator = tx.Users().FindById(*input.record.order.created_by))
        input.creator_email = creator->email;
    }
    return input;
  });
}

void FinishJob(Context& context, const domain::Job& job, const std::string& worker,
               const ProcessingResult& result) {
  context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, nullptr);
    auto jobs = tx.Jobs();
    if (!result.succeeded && result.transient && job.attempts < domain::kMaxJobAttempts) {
      jobs.Reschedule(job.id, worker,
                      domain::AddSeconds(workflow.now(), BackoffSeconds(job.attempts)),
                      result.error_message);
      workflow.LogOrder(job.order_uuid, domain::kOrderRetriedEvent,
                        "Backend unavailable (attempt " + std::to_string(job.attempts) + " of " +
                            std::to_string(domain::kMaxJobAttempts) + "): " + result.error_message,
                        {{"error_message", result.error_message}});
      return;
    }
    // Only the lease holder may close the job: a worker that lost it must not apply its result
    // twice.
    if (!jobs.Finish(job.id, worker,
                     result.succeeded ? domain::JobState::kDone : domain::JobState::kFailed,
                     workflow.now(), result.error_message)) {
      return;
    }
    auto record = tx.Orders().FindById(job.order_id);
    if (!record || !domain::JobMayRun(record->order.state)) return;
    if (result.in_progress) {
      KeepFollowing(workflow, tx, *record, job, result);
    } else if (!result.succeeded && result.transient && job.kind == domain::JobKind::kPull) {
      // The backend's order goes on without us; the next pull (callback or periodic) asks again.
      workflow.LogOrder(
          job.order_uuid, domain::kOrderRetriedEvent,
          "Backend still unavailable; the next pull asks again: " + result.error_message,
          {{"error_message", result.error_message}});
    } else if (result.canceled) {
      Cancel(workflow, tx, *record, result);
    } else if (result.succeeded) {
      Complete(workflow, tx, *record, result);
    } else {
      Fail(workflow, tx, *record, result,
           domain::RuleOf(job.kind == domain::JobKind::kPull
                              ? domain::ProcessingEnd::kFailedAtBackend
                              : domain::ProcessingEnd::kProcessorFailed));
    }
  });
}

void RequestOrderPull(Context& context, const std::string& order_uuid) {
  context.store.Write([&](store::Transaction& tx) {
    auto record = tx.Orders().FindByUuid(order_uuid);
    if (!record || !domain::FollowsBackend(record->where.offering_type) ||
        domain::IsTerminal(record->order.state)) {
      throw Error(ErrorCode::kNotFound, "Not found.");
    }
    const auto& order = record->order;
    if (!domain::MayPull(order, record->where.offering_type)) return;
    tx.Jobs().EnqueuePull(order.id, order.uuid, context.clock.Now());
  });
}

int QueuePeriodicPulls(Context& context) {
  // Candidates are read in one transaction; each pull is queued in its own, after a second look.
  auto followed = [](store::Transaction& tx, const store::OrderRecord& record) {
    return domain::MayPull(record.order, record.where.offering_type) &&
           tx.Jobs().CountOpen(record.order.id) == 0;
  };
  const auto candidates = context.store.Read([&](store::Transaction& tx) {
    std::vector<domain::Id> ids;
    for (const domain::Id id : tx.Orders().IdsInState(domain::ProcessingState(), 1000)) {
      const auto record = tx.Orders().FindById(id);
      if (record && followed(tx, *record)) ids.push_back(id);
    }
    return ids;
  });
  int queued = 0;
  for (const domain::Id id : candidates) {
    queued += context.store.Write([&](store::Transaction& tx) {
      const auto record = tx.Orders().FindById(id);
      if (!record || !followed(tx, *record)) return 0;
      return tx.Jobs().EnqueuePull(id, record->order.uuid, context.clock.Now()) ? 1 : 0;
    });
  }
  return queued;
}

}  // namespace orderly::service
