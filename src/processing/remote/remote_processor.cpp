#include "processing/remote/remote_processor.hpp"

#include "domain/processing_ends.hpp"
#include "domain/remote_states.hpp"
#include "processing/remote/remote_client.hpp"

namespace orderly::processing::remote {
namespace {

using backend_http::BackendError;
using backend_http::FailureFrom;
using service::ProcessingInput;
using service::ProcessingResult;

constexpr const char* kWhere = "Remote offering";

std::string Text(const nlohmann::json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return {};
  return object[key].get<std::string>();
}

const domain::Plan* PlanOf(const ProcessingInput& input) {
  if (!input.record.order.plan_id) return nullptr;
  for (const auto& plan : input.offering.plans) {
    if (plan.id == *input.record.order.plan_id) return &plan;
  }
  return nullptr;
}

// The remote order now: in progress, or its outcome, with the remote resource's id.
ProcessingResult FromRemoteOrder(const nlohmann::json& remote,
                                 const std::string& remote_order_uuid) {
  ProcessingResult result;
  result.order_backend_id = remote_order_uuid;
  if (const auto resource = Text(remote, "marketplace_resource_uuid"); !resource.empty()) {
    result.backend_id = resource;
  }
  const std::string state = Text(remote, "state");
  const auto local = domain::LocalStateForRemote(state);
  if (!local) {
    result.error_message = "The order in remote Waldur has unexpected state " + state + ".";
    result.error_traceback =
        std::string(kWhere) + ": remote order " + remote_order_uuid + " is " + state;
    return result;
  }
  const auto end = domain::PulledEnd(*local);
  if (!end) {
    result.in_progress = true;
    return result;
  }
  switch (*end) {
    case domain::ProcessingEnd::kProcessed:
      result.succeeded = true;
      result.output = "Remote order " + remote_order_uuid + " is done.";
      break;
    case domain::ProcessingEnd::kFailedAtBackend:
      result.error_message = Text(remote, "error_message");
      if (result.error_message.empty())
        result.error_message = "The order in remote Waldur has failed.";
      result.error_traceback =
          std::string(kWhere) + ": remote order " + remote_order_uuid + " erred.";
      if (const auto trace = Text(remote, "error_traceback"); !trace.empty()) {
        result.error_traceback += "\n" + trace;
      }
      break;
    case domain::ProcessingEnd::kCanceledByBackend:
      result.canceled = true;
      result.error_message = Text(remote, "error_message");
      result.output = "Remote order " + remote_order_uuid + " is " + state + ".";
      break;
    default: result.in_progress = true; break;
  }
  return result;
}

}  // namespace

RemoteProcessor::RemoteProcessor(std::string public_url, std::chrono::seconds timeout)
    : public_url_(std::move(public_url)), timeout_(timeout) {}

void RemoteProcessor::SetPublicUrl(std::string public_url) {
  std::lock_guard lock(mutex_);
  public_url_ = std::move(public_url);
}

std::string RemoteProcessor::CallbackUrl(const std::string& order_uuid) const {
  std::lock_guard lock(mutex_);
  std::string base = public_url_;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/api/remote-waldur-api/pull_order/" + order_uuid;
}

ProcessingResult RemoteProcessor::Process(const ProcessingInput& input) {
  try {
    switch (input.record.order.type) {
      case domain::OrderType::kCreate: return Create(input);
      case domain::OrderType::kUpdate: return Update(input);
      case domain::OrderType::kTerminate: return Terminate(input);
    }
    return {};
  } catch (const BackendError& error) {
    return FailureFrom(error, kWhere);
  }
}

ProcessingResult RemoteProcessor::Create(const ProcessingInput& input) {
  const auto& order = input.record.order;
  const auto& where = input.record.where;
  RemoteClient client(SettingsOf(input.offering), timeout_);
  const std::string project =
      client.GetOrCreateProject(where.customer_uuid + "_" + where.project_uuid,
                                where.customer_name + " / " + where.project_name);
  const std::string offering_path =
      "/api/marketplace-public-offerings/" + input.offering.backend_id + "/";
  nlohmann::json body = {
      {"project", client.Url("/api/projects/" + project + "/")},
      {"offering", client.Url(offering_path)},
      {"attributes", order.attributes.is_object() ? order.attributes : nlohmann::json::object()},
      {"limits", order.limits.is_object() ? order.limits : nlohmann::json::object()},
      {"callback_url", CallbackUrl(order.uuid)},
      {"accepting_terms_of_service", true}};
  if (const auto* plan = PlanOf(input); plan != nullptr && !plan->backend_id.empty()) {
    body["plan"] = client.Url(offering_path + "plans/" + plan->backend_id + "/");
  }
  if (!input.resource.name.empty() && !body["attributes"].contains("name")) {
    body["attributes"]["name"] = input.resource.name;
  }
  const auto remote = client.CreateOrder(body);
  auto result = FromRemoteOrder(remote, Text(remote, "uuid"));
  result.output = "Submitted to " + client.Url("/") + " as order " + Text(remote, "uuid") + ".";
  return result;
}

ProcessingResult RemoteProcessor::Update(const ProcessingInput& input) {
  const auto& order = input.record.order;
  // processing.md §9.4: plan switches are not sent to the remote; they complete here.
  if (order.limits == input.resource.limits) {
    return {.succeeded = true,
            .output = "Plan switches are completed locally; nothing was sent to the remote."};
  }
  if (input.resource.backend_id.empty()) {
    throw BackendError("The resource has no remote counterpart (empty backend_id).", "", false);
  }
  RemoteClient client(SettingsOf(input.offering), timeout_);
  const auto remote_resource = client.GetResource(input.resource.backend_id);
  if (remote_resource.is_object() && remote_resource.contains("limits") &&
      remote_resource["limits"] == order.limits) {
    return {.succeeded = true,
            .output = "Remote limits already match requested limits. No update needed."};
  }
  const auto remote_order = client.UpdateLimits(input.resource.backend_id, order.limits);
  if (!remote_order) {
    return {.succeeded = true, .output = "The remote instance has nothing to update."};
  }
  return {.in_progress = true,
          .output = "Submitted to the remote as order " + *remote_order + ".",
          .order_backend_id = *remote_order};
}

ProcessingResult RemoteProcessor::Terminate(const ProcessingInput& input) {
  // processing.md §9.4: without a remote counterpart there is nothing to terminate there.
  if (input.resource.backend_id.empty()) {
    return {.succeeded = true,
            .output = "The resource has no remote counterpart; terminated locally only."};
  }
  RemoteClient client(SettingsOf(input.offering), timeout_);
  const std::string remote_order = client.Terminate(input.resource.backend_id);
  return {.in_progress = true,
          .output = "Submitted to the remote as order " + remote_order + ".",
          .order_backend_id = remote_order};
}

ProcessingResult RemoteProcessor::Follow(const ProcessingInput& input) {
  const auto& order = input.record.order;
  if (order.backend_id.empty()) return {.in_progress = true};  // submission still being stored
  try {
    RemoteClient client(SettingsOf(input.offering), timeout_);
    auto result = FromRemoteOrder(client.GetOrder(order.backend_id), order.backend_id);
    // A remote Update or Terminate order names the resource we already know.
    if (order.type != domain::OrderType::kCreate) result.backend_id.reset();
    return result;
  } catch (const BackendError& error) {
    auto failure = FailureFrom(error, kWhere);
    failure.order_backend_id = order.backend_id;
    return failure;
  }
}

void RemoteProcessor::CancelAtBackend(const domain::Offering& offering,
                                      const domain::Order& order) {
  if (order.backend_id.empty()) {
    throw Error(ErrorCode::kUpstreamFailed, "The order has not reached the remote instance yet.");
  }
  try {
    RemoteClient client(SettingsOf(offering), timeout_);
    client.RejectOrder(order.backend_id);
  } catch (const BackendError& error) {
    std::string message =
        std::string("The remote instance did not reject its order: ") + error.what();
    if (!error.Detail().empty()) message += " (" + error.Detail() + ")";
    throw Error(ErrorCode::kUpstreamFailed, message);
  }
}

}  // namespace orderly::processing::remote
