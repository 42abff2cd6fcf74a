#include "api/handlers/lifecycle_handlers.hpp"
#include "api/json/body.hpp"
#include "api/json/lifecycle_json.hpp"
#include "domain/error.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/resources/resource_actions.hpp"

namespace orderly::api::handlers {
namespace {

using store::ResourceSide;

std::string Uuid(Call& call) { return std::string(call.Param("uuid")); }

nlohmann::json Render(Call& call, const store::ResourceRecord& record) {
  const auto& actor = call.Actor();
  const auto subject = service::SubjectOf(record.where, record.resource.project_id, record.resource.offering_id);
  return json::ResourceJson(call.links(), record, domain::MaySeeErrorTraceback(actor, subject),
                            service::AvailableActions(call.services(), actor, record));
}

http::Response List(Call& call, ResourceSide side) {
  const auto& actor = call.Actor();
  const auto options = call.ListOptions();
  const auto& request = call.request();
  store::ResourceFilter filter;
  auto uuid_filter = [&](const char* name) {
    return request.HasQuery(name) ? json::ReferenceUuid(name, std::string(request.Query(name))) : std::string();
  };
  filter.project_uuid = uuid_filter("project_uuid");
  filter.customer_uuid = uuid_filter("customer_uuid");
  filter.offering_uuid = uuid_filter("offering_uuid");
  filter.provider_uuid = uuid_filter("provider_uuid");
  filter.name = std::string(request.Query("name"));
  filter.backend_id = std::string(request.Query("backend_id"));
  for (const auto& text : request.QueryAll("state")) {
    const auto state = json::ParseEnum(domain::ResourceStates(), text);
    if (!state) throw InvalidField("state", "Unknown value '" + text + "'.");
    filter.states.push_back(*state);
  }
  for (const auto& text : request.QueryAll("offering_type")) {
    const auto type = json::ParseEnum(domain::OfferingTypes(), text);
    if (!type) throw InvalidField("offering_type", "Unknown value '" + text + "'.");
    filter.offering_types.push_back(*type);
  }
  const auto stuck = request.Query("stuck");
  const auto page = service::ListResources(call.services(), actor, side, filter,
                                           stuck == "true" || stuck == "True" || stuck == "1", options);
  return ListResponse(call, options, page, [&](const store::ResourceRecord& record) { return Render(call, record); });
}

http::Response Update(Call& call, ResourceSide side) {
  const auto record = service::UpdateResource(call.services(), call.Actor(), side, Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    const auto end = json::OptionalNullableString(body, "end_date");
    return service::ResourceChanges{.name = json::OptionalString(body, "name"),
                                    .description = json::OptionalString(body, "description"),
                                    .end_date_present = end.present,
                                    .end_date = end.value};
  });
  return JsonResponse(200, Render(call, record));
}

http::Response Terminate(Call& call, ResourceSide side) {
  const auto order_uuid = service::TerminateResource(call.services(), call.Actor(), side, Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    return json::OptionalObject(body, "attributes").value_or(nlohmann::json(nullptr));
  });
  return JsonResponse(200, {{"order_uuid", order_uuid}});
}

http::Response SetStateOk(Call& call, ResourceSide side) {
  service::SetResourceStateOk(call.services(), call.Actor(), side, Uuid(call));
  return JsonResponse(200, {{"status", "Resource state has been set to OK."}});
}

http::Response Unlink(Call& call, ResourceSide side) {
  service::UnlinkResource(call.services(), call.Actor(), side, Uuid(call));
  return http::Response{.status = 204, .content_type = "application/json", .body = ""};
}

}  // namespace

http::Response ListConsumerResources(Call& call) { return List(call, ResourceSide::kConsumer); }
http::Response ListProviderResources(Call& call) { return List(call, ResourceSide::kProvider); }
http::Response GetConsumerResource(Call& call) {
  return JsonResponse(200, Render(call, service::GetResource(call.services(), call.Actor(),
                                                             ResourceSide::kConsumer, Uuid(call))));
}
http::Response GetProviderResource(Call& call) {
  return JsonResponse(200, Render(call, service::GetResource(call.services(), call.Actor(),
                                                             ResourceSide::kProvider, Uuid(call))));
}
http::Response UpdateConsumerResource(Call& call) { return Update(call, ResourceSide::kConsumer); }
http::Response UpdateProviderResource(Call& call) { return Update(call, ResourceSide::kProvider); }
http::Response TerminateConsumerResource(Call& call) { return Terminate(call, ResourceSide::kConsumer); }
http::Response TerminateProviderResource(Call& call) { return Terminate(call, ResourceSide::kProvider); }
http::Response SetStateOkConsumer(Call& call) { return SetStateOk(call, ResourceSide::kConsumer); }
http::Response SetStateOkProvider(Call& call) { return SetStateOk(call, ResourceSide::kProvider); }
http::Response UnlinkConsumerResource(Call& call) { return Unlink(call, ResourceSide::kConsumer); }
http::Response UnlinkProviderResource(Call& call) { return Unlink(call, ResourceSide::kProvider); }

http::Response GetOrderResource(Call& call) {
  return JsonResponse(200, Render(call, service::ResourceOfOrder(call.services(), call.Actor(), Uuid(call))));
}

http::Response SwitchPlan(Call& call) {
  const auto order_uuid = service::SwitchPlan(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    return json::RequiredReference(body, "plan");
  });
  return JsonResponse(200, {{"order_uuid", order_uuid}});
}

http::Response UpdateLimits(Call& call) {
  const auto order_uuid = service::UpdateLimits(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    const auto limits = json::OptionalObject(body, "limits");
    if (!limits) throw InvalidField("limits", "This field is required.");
    return service::LimitsRequest{.limits = *limits,
                                  .request_comment = json::OptionalString(body, "request_comment")};
  });
  return JsonResponse(200, {{"order_uuid", order_uuid}});
}

http::Response SetAsOk(Call& call) {
  service::SetResourceAsOk(call.services(), call.Actor(), Uuid(call));
  return JsonResponse(200, {{"status", "Resource has been set to OK."}});
}

http::Response SetAsErred(Call& call) {
  service::SetResourceAsErred(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    return service::ResourceError{.error_message = json::OptionalString(body, "error_message").value_or(""),
                                  .error_traceback = json::OptionalString(body, "error_traceback").value_or("")};
  });
  return JsonResponse(200, {{"status", "Resource has been set as erred."}});
}

http::Response SetResourceBackendId(Call& call) {
  const bool changed = service::SetResourceBackendId(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    return json::RequiredString(body, "backend_id");
  });
  return JsonResponse(200, {{"status", changed ? "Resource backend_id has been changed."
                                               : "Resource backend_id is not changed."}});
}

http::Response SetResourceLimits(Call& call) {
  service::SetResourceLimits(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    const auto limits = json::OptionalObject(body, "limits");
    if (!limits) throw InvalidField("limits", "This field is required.");
    return *limits;
  });
  return JsonResponse(200, {{"status", "The resource limits are updated"}});
}

http::Response SetResourceBackendMetadata(Call& call) {
  service::SetResourceBackendMetadata(call.services(), call.Actor(), Uuid(call), [&] {
    const auto body = json::ObjectBody(call.request());
    const auto metadata = json::OptionalObject(body, "backend_metadata");
    if (!metadata) throw InvalidField("backend_metadata", "This field is required.");
    return *metadata;
  });
  return JsonResponse(200, {{"status", "Resource backend_metadata has been updated."}});
}

}  // namespace orderly::api::handlers
