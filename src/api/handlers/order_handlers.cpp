#include "api/handlers/lifecycle_handlers.hpp"
#include "api/json/body.hpp"
#include "api/json/lifecycle_json.hpp"
#include "domain/error.hpp"
#include "service/orders/order_actions.hpp"
#include "service/orders/order_lookup.hpp"

namespace orderly::api::handlers {
namespace {

std::string Uuid(Call& call) { return std::string(call.Param("uuid")); }

nlohmann::json Render(Call& call, const store::OrderRecord& record) {
  const auto& actor = call.Actor();
  const auto subject = service::SubjectOf(record.where, record.order.project_id, record.order.offering_id);
  return json::OrderJson(call.links(), record, domain::MaySeeErrorTraceback(actor, subject),
                         service::AvailableActions(call.services(), actor, record));
}

template <typename E>
std::vector<E> EnumFilter(Call& call, const char* name, std::span<const domain::EnumEntry<E>> table) {
  std::vector<E> values;
  for (const auto& text : call.request().QueryAll(name)) {
    const auto value = json::ParseEnum(table, text);
    if (!value) throw InvalidField(name, "Unknown value '" + text + "'.");
    values.push_back(*value);
  }
  return values;
}

std::string UuidFilter(Call& call, const char* name) {
  if (!call.request().HasQuery(name)) return {};
  return json::ReferenceUuid(name, std::string(call.request().Query(name)));
}

bool BoolFilter(Call& call, const char* name) {
  const auto value = call.request().Query(name);
  return value == "true" || value == "True" || value == "1";
}

service::Rejection ReadRejection(Call& call, const char* comment_field) {
  const auto body = json::ObjectBody(call.request());
  return {.comment = json::OptionalString(body, comment_field).value_or(""),
          .error_message = json::OptionalString(body, "error_message").value_or(""),
          .error_traceback = json::OptionalString(body, "error_traceback").value_or("")};
}

}  // namespace

http::Response ListOrders(Call& call) {
  const auto& actor = call.Actor();
  const auto options = call.ListOptions();
  service::OrderQuery query;
  query.filter.project_uuid = UuidFilter(call, "project_uuid");
  query.filter.offering_uuid = UuidFilter(call, "offering_uuid");
  query.filter.provider_uuid = UuidFilter(call, "provider_uuid");
  query.filter.customer_uuid = UuidFilter(call, "customer_uuid");
  query.filter.resource_uuid = UuidFilter(call, "resource_uuid");
  if (call.request().HasQuery("resource")) {
    query.filter.resource_uuid = json::ReferenceUuid("resource", std::string(call.request().Query("resource")));
  }
  query.filter.query = std::string(call.request().Query("query"));
  query.filter.states = EnumFilter(call, "state", domain::OrderStates());
  query.filter.types = EnumFilter(call, "type", domain::OrderTypes());
  query.filter.offering_types = EnumFilter(call, "offering_type", domain::OfferingTypes());
  query.can_approve_as_consumer = BoolFilter(call, "can_approve_as_consumer");
  query.can_approve_as_provider = BoolFilter(call, "can_approve_as_provider");
  const auto page = service::ListOrders(call.services(), actor, query, options);
  return ListResponse(call, options, page, [&](const store::OrderRecord& record) { return Render(call, record); });
}

http::Response CreateOrder(Call& call) {
  const auto& actor = call.Actor();
  const auto record = service::CreateOrder(call.services(), actor, [&] {
    const auto body = json::ObjectBody(call.request());
    const std::string type = json::OptionalString(body, "type").value_or("Create");
    if (type != domain::NameOf(domain::OrderType::kCreate)) {
      throw InvalidField("type",
                         "Only Create orders are placed here; Update and Terminate orders come from the "
                         "resource's switch_plan, update_limits and terminate actions.");
    }
    service::NewOrder input;
    input.project_uuid = json::RequiredReference(body, "project");
    input.offering_uuid = json::RequiredReference(body, "offering");
    if (auto plan = json::OptionalString(body, "plan")) input.plan_uuid = json::ReferenceUuid("plan", *plan);
    input.attributes = json::OptionalObject(body, "attributes").value_or(nlohmann::json::object());
    input.limits = json::OptionalObject(body, "limits").value_or(nlohmann::json::object());
    input.start_date = json::OptionalString(body, "start_date");
    input.callback_url = json::OptionalString(body, "callback_url");
    input.request_comment = json::OptionalString(body, "request_comment");
    return input;
  });
  return JsonResponse(201, Render(call, record));
}

http::Response GetOrder(Call& call) {
  return JsonResponse(200, Render(call, service::GetOrder(call.services(), call.Actor(), Uuid(call))));
}

http::Response UpdateOrder(Call& call) {
  const auto record = service::UpdateOrder(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    const auto start = json::OptionalNullableString(body, "start_date");
    return service::OrderChanges{.attributes = json::OptionalObject(body, "attributes"),
                                 .limits = json::OptionalObject(body, "limits"),
                                 .start_date_present = start.present,
                                 .start_date = start.value};
  });
  return JsonResponse(200, Render(call, record));
}

http::Response DeleteOrder(Call& call) {
  service::DeleteOrder(call.services(), call.Actor(), Uuid(call));
  return http::Response{.status = 204, .content_type = "application/json", .body = ""};
}

http::Response ApproveByConsumer(Call& call) {
  const auto result = service::ApproveByConsumer(call.services(), call.Actor(), Uuid(call));
  return JsonResponse(200, {{"detail", result.detail}});
}

http::Response ApproveByProvider(Call& call) {
  const auto result = service::ApproveByProvider(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    return json::OptionalObject(body, "attributes").value_or(nlohmann::json(nullptr));
  });
  return JsonResponse(200, {{"detail", result.detail}});
}

http::Response RejectByConsumer(Call& call) {
  service::RejectByConsumer(call.services(), call.Actor(), Uuid(call),
                            [&] { return ReadRejection(call, "consumer_rejection_comment"); });
  return JsonResponse(200, {{"detail", "Order has been rejected."}});
}

http::Response RejectByProvider(Call& call) {
  service::RejectByProvider(call.services(), call.Actor(), Uuid(call),
                            [&] { return ReadRejection(call, "provider_rejection_comment"); });
  return JsonResponse(200, {{"detail", "Order has been rejected."}});
}

http::Response CancelOrder(Call& call) {
  service::CancelOrder(call.services(), call.Actor(), Uuid(call));
  return JsonResponse(202, {{"detail", "Order has been canceled."}});
}

http::Response SetOrderExecuting(Call& call) {
  service::SetOrderExecuting(call.services(), call.Actor(), Uuid(call));
  return JsonResponse(200, {{"detail", "Order state has been set to executing."}});
}

http::Response SetOrderDone(Call& call) {
  service::SetOrderDone(call.services(), call.Actor(), Uuid(call));
  return JsonResponse(200, {{"detail", "Order has been marked as done."}});
}

http::Response SetOrderErred(Call& call) {
  service::SetOrderErred(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    return service::ErrorReport{.error_message = json::OptionalString(body, "error_message").value_or(""),
                                .error_traceback = json::OptionalString(body, "error_traceback").value_or("")};
  });
  return JsonResponse(200, {{"detail", "Order has been marked as erred."}});
}

http::Response RetryOrder(Call& call) {
  service::RetryOrder(call.services(), call.Actor(), Uuid(call));
  return JsonResponse(200, {{"detail", "Order has been resubmitted for processing."}});
}

http::Response UnlinkOrder(Call& call) {
  service::UnlinkOrder(call.services(), call.Actor(), Uuid(call));
  return http::Response{.status = 204, .content_type = "application/json", .body = ""};
}

http::Response SetOrderBackendId(Call& call) {
  const bool changed = service::SetOrderBackendId(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    return json::RequiredString(body, "backend_id");
  });
  return JsonResponse(200, {{"status", changed ? "Order backend_id has been changed."
                                               : "Order backend_id is not changed."}});
}

}  // namespace orderly::api::handlers
