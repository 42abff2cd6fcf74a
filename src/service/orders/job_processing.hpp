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
  store::OrderRecord record;
  domain::Offering offering;
  domain::Resource resource;
  std::string creator_email;
};

// What a processor reports back.
struct ProcessingResult {
  bool succeeded = false;
  std::string output;  // stdout of a script, the backend's answer, ...
  std::optional<std::string> backend_id;
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
// its lease meanwhile. A transient failure with attempts left is queued again with backoff.
void FinishJob(Context& context, const domain::Job& job, const std::string& worker,
               const ProcessingResult& result);

}  // namespace orderly::service
