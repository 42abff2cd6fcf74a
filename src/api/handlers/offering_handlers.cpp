#include "api/handlers/structure_handlers.hpp"
#include "api/json/body.hpp"
#include "api/json/lifecycle_json.hpp"
#include "api/json/structure_json.hpp"
#include "domain/error.hpp"
#include "service/offerings.hpp"

namespace orderly::api::handlers {
namespace {

service::OfferingQuery QueryOf(Call& call) {
  const auto& request = call.request();
  service::OfferingQuery query;
  if (request.HasQuery("customer_uuid")) {
    query.customer_uuid = json::ReferenceUuid("customer_uuid", std::string(request.Query("customer_uuid")));
  }
  if (request.HasQuery("type")) {
    query.type = domain::EnumByName(domain::OfferingTypes(), request.Query("type"));
    if (!query.type) throw InvalidField("type", "Unknown offering type.");
  }
  if (request.HasQuery("state")) {
    // The name or Waldur's numeric code (spec README §3 conventions).
    query.state = json::ParseEnum(domain::OfferingStates(), std::string(request.Query("state")));
    if (!query.state) throw InvalidField("state", "Unknown offering state.");
  }
  return query;
}

http::Response OfferingResponse(Call& call, int status, const domain::Offering& offering) {
  return JsonResponse(status, json::OfferingJson(call.links(), offering,
                                                 domain::MaySeeOfferingSecrets(call.Actor())));
}

http::Response ChangeState(Call& call, domain::Action action) {
  const auto offering = service::ChangeOfferingState(call.services(), call.Actor(),
                                                     std::string(call.Param("uuid")), action);
  return OfferingResponse(call, 200, offering);
}

}  // namespace

http::Response ListProviderOfferings(Call& call) {
  const auto& actor = call.Actor();
  const auto options = call.ListOptions();
  const auto page = service::ListProviderOfferings(call.services(), actor, QueryOf(call), options);
  const bool secrets = domain::MaySeeOfferingSecrets(actor);
  return ListResponse(call, options, page, [&](const domain::Offering& offering) {
    return json::OfferingJson(call.links(), offering, secrets);
  });
}

http::Response CreateOffering(Call& call) {
  const auto& actor = call.Actor();
  const auto body = json::ObjectBody(call.request());
  service::NewOffering input;
  input.name = json::RequiredString(body, "name");
  input.customer_uuid = json::RequiredReference(body, "customer");
  const std::string type = json::RequiredString(body, "type");
  const auto offering_type = domain::EnumByName(domain::OfferingTypes(), type);
  if (!offering_type) throw InvalidField("type", "Unknown offering type '" + type + "'.");
  input.type = *offering_type;
  input.shared = json::OptionalBool(body, "shared").value_or(true);
  input.billable = json::OptionalBool(body, "billable").value_or(true);
  input.backend_id = json::OptionalString(body, "backend_id").value_or("");
  input.plugin_options = json::OptionalObject(body, "plugin_options").value_or(nlohmann::json::object());
  input.secret_options = json::OptionalObject(body, "secret_options").value_or(nlohmann::json::object());
  if (auto components = json::OptionalArray(body, "components")) {
    input.components = json::ComponentsFromJson(*components);
  }
  if (auto plans = json::OptionalArray(body, "plans")) input.plans = json::PlansFromJson(*plans);
  return OfferingResponse(call, 201, service::CreateOffering(call.services(), actor, input));
}

http::Response GetProviderOffering(Call& call) {
  const auto offering =
      service::GetProviderOffering(call.services(), call.Actor(), std::string(call.Param("uuid")));
  return OfferingResponse(call, 200, offering);
}

http::Response ActivateOffering(Call& call) { return ChangeState(call, domain::Action::kActivateOffering); }
http::Response PauseOffering(Call& call) { return ChangeState(call, domain::Action::kPauseOffering); }
http::Response ArchiveOffering(Call& call) { return ChangeState(call, domain::Action::kArchiveOffering); }

http::Response ListPublicOfferings(Call& call) {
  const auto& actor = call.Actor();
  const auto options = call.ListOptions();
  const auto page = service::ListPublicOfferings(call.services(), actor, QueryOf(call), options);
  return ListResponse(call, options, page, [&](const domain::Offering& offering) {
    return json::OfferingJson(call.links(), offering, false);
  });
}

http::Response GetPublicOffering(Call& call) {
  const auto offering =
      service::GetPublicOffering(call.services(), call.Actor(), std::string(call.Param("uuid")));
  return JsonResponse(200, json::OfferingJson(call.links(), offering, false));
}

http::Response GetPlan(Call& call) {
  const auto plan = service::GetPlan(call.services(), call.Actor(), std::string(call.Param("uuid")));
  return JsonResponse(200, json::PlanJson(call.links(), plan));
}

}  // namespace orderly::api::handlers
