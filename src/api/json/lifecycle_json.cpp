#include "api/json/lifecycle_json.hpp"

namespace orderly::api::json {
namespace {

nlohmann::json Nullable(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

void PutUser(nlohmann::json& json, const std::string& prefix, const std::optional<store::UserRef>& user) {
  json[prefix] = user ? nlohmann::json(user->uuid) : nlohmann::json(nullptr);
  json[prefix + "_username"] = user ? nlohmann::json(user->username) : nlohmann::json(nullptr);
  json[prefix + "_full_name"] = user ? nlohmann::json(user->full_name) : nlohmann::json(nullptr);
}

void PutSurroundings(nlohmann::json& json, const Links& links, const store::Surroundings& where) {
  json["project"] = links.Object("projects", where.project_uuid);
  json["project_uuid"] = where.project_uuid;
  json["project_name"] = where.project_name;
  json["customer_uuid"] = where.customer_uuid;
  json["customer_name"] = where.customer_name;
  json["offering"] = links.Object("marketplace-public-offerings", where.offering_uuid);
  json["offering_uuid"] = where.offering_uuid;
  json["offering_name"] = where.offering_name;
  json["offering_type"] = domain::NameOf(where.offering_type);
  json["provider_uuid"] = where.provider_uuid;
  json["provider_name"] = where.provider_name;
  json["plan"] = where.plan_uuid ? nlohmann::json(links.Object("marketplace-plans", *where.plan_uuid))
                                 : nlohmann::json(nullptr);
  json["plan_uuid"] = Nullable(where.plan_uuid);
  json["plan_name"] = where.plan_uuid ? nlohmann::json(where.plan_name) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json OrderJson(const Links& links, const store::OrderRecord& record, bool with_traceback,
                         const std::vector<std::string>& available_actions) {
  const auto& order = record.order;
  nlohmann::json json = {{"url", links.Object("marketplace-orders", order.uuid)},
                         {"uuid", order.uuid},
                         {"created", order.created},
                         {"modified", order.modified},
                         {"type", domain::NameOf(order.type)},
                         {"state", domain::NameOf(order.state)}};
  PutSurroundings(json, links, record.where);
  json["old_plan_uuid"] = Nullable(record.old_plan_uuid);
  json["old_plan_name"] = record.old_plan_uuid ? nlohmann::json(record.old_plan_name) : nlohmann::json(nullptr);
  json["marketplace_resource_uuid"] = record.resource_uuid;
  json["resource_uuid"] = record.resource_uuid;
  json["resource_name"] = record.resource_name;
  json["resource_state"] = domain::NameOf(record.resource_state);
  json["limits"] = order.limits;
  json["attributes"] = order.attributes;
  json["cost"] = order.cost.empty() ? nlohmann::json(nullptr) : nlohmann::json(order.cost);
  json["backend_id"] = order.backend_id;
  json["error_message"] = order.error_message;
  if (with_traceback) json["error_traceback"] = order.error_traceback;
  json["output"] = order.output;
  PutUser(json, "created_by", record.created_by);
  PutUser(json, "consumer_reviewed_by", record.consumer_reviewed_by);
  json["consumer_reviewed_at"] = Nullable(order.consumer_reviewed_at);
  PutUser(json, "provider_reviewed_by", record.provider_reviewed_by);
  json["provider_reviewed_at"] = Nullable(order.provider_reviewed_at);
  json["callback_url"] = Nullable(order.callback_url);
  json["termination_comment"] = Nullable(order.termination_comment);
  json["completed_at"] = Nullable(order.completed_at);
  json["start_date"] = Nullable(order.start_date);
  json["request_comment"] = Nullable(order.request_comment);
  json["consumer_rejection_comment"] = order.consumer_rejection_comment;
  json["provider_rejection_comment"] = order.provider_rejection_comment;
  json["available_actions"] = available_actions;
  return json;
}

nlohmann::json ResourceJson(const Links& links, const store::ResourceRecord& record, bool with_traceback,
                            const std::vector<std::string>& available_actions) {
  const auto& resource = record.resource;
  nlohmann::json json = {{"url", links.Object("marketplace-resources", resource.uuid)},
                         {"uuid", resource.uuid},
                         {"name", resource.name},
                         {"description", resource.description},
                         {"state", domain::NameOf(resource.state)},
                         {"created", resource.created},
                         {"modified", resource.modified}};
  PutSurroundings(json, links, record.where);
  json["limits"] = resource.limits;
  json["attributes"] = resource.attributes;
  json["cost"] = resource.cost.empty() ? nlohmann::json(nullptr) : nlohmann::json(resource.cost);
  json["end_date"] = Nullable(resource.end_date);
  json["backend_id"] = resource.backend_id;
  json["backend_metadata"] = resource.backend_metadata;
  json["error_message"] = resource.error_message;
  if (with_traceback) json["error_traceback"] = resource.error_traceback;
  json["creation_order"] = Nullable(record.creation_order_uuid);
  json["order_in_progress"] = Nullable(record.order_in_progress_uuid);
  json["available_actions"] = available_actions;
  json["can_terminate"] = std::find(available_actions.begin(), available_actions.end(), "terminate") !=
                              available_actions.end() &&
                          !record.order_in_progress_uuid;
  return json;
}

nlohmann::json EventJson(const domain::Event& event, bool with_traceback) {
  nlohmann::json context = event.context;
  if (!with_traceback && context.is_object()) context.erase("error_traceback");
  return {{"uuid", event.uuid},
          {"created", event.created},
          {"event_type", event.event_type},
          {"message", event.message},
          {"actor_uuid", event.actor_uuid.empty() ? nlohmann::json(nullptr) : nlohmann::json(event.actor_uuid)},
          {"actor_username", event.actor_username.empty() ? nlohmann::json(nullptr) : nlohmann::json(event.actor_username)},
          {"scope_type", domain::NameOf(event.scope_type)},
          {"scope_uuid", event.scope_uuid},
          {"context", std::move(context)}};
}

}  // namespace orderly::api::json
