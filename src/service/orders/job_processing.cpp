#include "service/orders/job_processing.hpp"

#include <algorithm>

#include "domain/dates.hpp"
#include "domain/event_types.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/orders/workflow.hpp"

namespace orderly::service {
namespace {

// 2, 4, 8, 16 seconds between attempts of a transiently failing job.
int BackoffSeconds(int attempts) { return std::min(60, 1 << std::min(attempts, 6)); }

void Complete(Workflow& workflow, store::Transaction& tx, store::OrderRecord& record,
              const ProcessingResult& result) {
  auto& order = record.order;
  domain::Resource resource = ResourceOf(tx, order);
  order.output = result.output;
  if (result.backend_id) {
    order.backend_id = *result.backend_id;
    resource.backend_id = *result.backend_id;
  }
  if (result.backend_metadata) resource.backend_metadata = *result.backend_metadata;
  if (order.type == domain::OrderType::kUpdate) {
    if (order.plan_id) resource.plan_id = order.plan_id;
    resource.limits = order.limits;
  }
  workflow.MoveOrder(order, domain::OrderState::kDone, record.where.offering_type, "Processed by the backend.");
  workflow.ApplyOutcome(domain::OrderOutcome::kDone, order, resource);
}

void Fail(Workflow& workflow, store::Transaction& tx, store::OrderRecord& record,
          const ProcessingResult& result) {
  auto& order = record.order;
  order.output = result.output;
  order.error_message = result.error_message;
  order.error_traceback = result.error_traceback;
  workflow.MoveOrder(order, domain::OrderState::kErred, record.where.offering_type,
                     "Processing failed: " + result.error_message);
  domain::Resource resource = ResourceOf(tx, order);
  workflow.ApplyOutcome(domain::OrderOutcome::kProcessorFailed, order, resource);
}

}  // namespace

std::optional<domain::Job> ClaimJob(Context& context, const std::string& worker, int lease_seconds) {
  return context.store.Write([&](store::Transaction& tx) {
    const std::string now = context.clock.Now();
    return tx.Jobs().Claim(worker, now, domain::AddSeconds(now, lease_seconds));
  });
}

bool RenewJob(Context& context, const domain::Job& job, const std::string& worker, int lease_seconds) {
  return context.store.Write([&](store::Transaction& tx) {
    return tx.Jobs().Renew(job.id, worker, domain::AddSeconds(context.clock.Now(), lease_seconds));
  });
}

std::optional<ProcessingInput> StartJob(Context& context, const domain::Job& job, const std::string& worker) {
  return context.store.Write([&](store::Transaction& tx) -> std::optional<ProcessingInput> {
    auto record = tx.Orders().FindById(job.order_id);
    if (!record || record->order.state != domain::OrderState::kExecuting) {
      // Canceled, unlinked or finished by hand meanwhile: nothing left to do.
      tx.Jobs().Finish(job.id, worker, domain::JobState::kDone, context.clock.Now(), "order no longer executing");
      return std::nullopt;
    }
    auto offering = tx.Offerings().FindById(record->order.offering_id);
    auto resource = ResourceOf(tx, record->order);
    ProcessingInput input{.job_key = job.order_uuid + "-" + std::to_string(job.id),
                          .record = std::move(*record),
                          .offering = std::move(*offering),
                          .resource = std::move(resource)};
    if (input.record.order.created_by) {
      if (auto creator = tx.Users().FindById(*input.record.order.created_by)) input.creator_email = creator->email;
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
      jobs.Reschedule(job.id, worker, domain::AddSeconds(workflow.now(), BackoffSeconds(job.attempts)),
                      result.error_message);
      workflow.LogOrder(job.order_uuid, domain::kOrderRetriedEvent,
                        "Backend unavailable (attempt " + std::to_string(job.attempts) + " of " +
                            std::to_string(domain::kMaxJobAttempts) + "): " + result.error_message,
                        {{"error_message", result.error_message}});
      return;
    }
    // Only the lease holder may close the job: a worker that lost it must not apply its result twice.
    if (!jobs.Finish(job.id, worker, result.succeeded ? domain::JobState::kDone : domain::JobState::kFailed,
                     workflow.now(), result.error_message)) {
      return;
    }
    auto record = tx.Orders().FindById(job.order_id);
    if (!record || record->order.state != domain::OrderState::kExecuting) return;
    if (result.succeeded) {
      Complete(workflow, tx, *record, result);
    } else {
      Fail(workflow, tx, *record, result);
    }
  });
}

}  // namespace orderly::service
