#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/job.hpp"
#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "service/context.hpp"
#include "store/order_repository.hpp"

namespace orderly::service {

// What a processor is given: the order with its surroundings, as it was when the job started.
struct ProcessingInput {
  std::string job_key;  // stable across restarts: names what a processor records about this job
  domain::JobKind kind = domain::JobKind::kProcess;
  store::OrderRecord record;
  domain::Offering offering;
  domain::Resource resource;
  std::string creator_email;
};

// What a processor reports back: done (succeeded), erred, canceled, or still in progress.
struct ProcessingResult {
  bool succeeded = false;
  // The backend took the order and works on it (Remote: the remote order exists): the order
  // stays executing, and pull jobs (a callback, the periodic pull) follow it to its outcome.
  bool in_progress = false;
  // The backend canceled or rejected the order: it is canceled here too.
  bool canceled = false;
  std::string output;  // stdout of a script, the backend's answer, ...
  // The resource's id at the backend; also the order's unless order_backend_id is given.
  std::optional<std::string> backend_id;
  // The backend's own order for this one (Remote: the remote order uuid).
  std::optional<std::string> order_backend_id;
  std::optional<nlohmann::json> backend_metadata;
  std::string error_message;
  std::string error_traceback;  // what failed, where, and the backend's answer
  bool transient = false;       // connection refused, time-out, 5xx: worth another attempt
};

// The worker's side of the durable queue. Each call is one transaction.
std::optional<domain::Job> ClaimJob(Context& context, const std::string& worker, int lease_seconds);
bool RenewJob(Context& context, const domain::Job& job, const std::string& worker, int lease_seconds);
// The job's order when it is still executing; otherwise the job is closed and nothing is returned.
std::optional<ProcessingInput> StartJob(Context& context, const domain::Job& job, const std::string& worker);
// Applies the result to the order and its resource and closes the job, unless the worker lost
// its lease meanwhile. A transient failure with attempts left is queued again with backoff. An
// order left in progress keeps executing; a pull job follows a submission at once, so a change
// the backend announced while the submission was still being stored is not missed. A pull that
// keeps failing transiently leaves the order executing for the next pull.

void FinishJob(Context& context, const domain::Job& job, const std::string& worker,
               const ProcessingResult& result);

// POST /api/remote-waldur-api/pull_order/{uuid} (no authentication: it only asks for a pull).
// 404 unless the order exists, its type follows a backend and it is not terminal; queues a pull
// when the order is executing with a backend order to look at.
void RequestOrderPull(Context& context, const std::string& order_uuid);
// The periodic safety net: queues a pull for every followed executing order without an open job.
int QueuePeriodicPulls(Context& context);

}  // namespace orderly::service
