#include "api/handlers/structure_handlers.hpp"
#include "api/json/body.hpp"
#include "api/json/structure_json.hpp"
#include "service/projects.hpp"

namespace orderly::api::handlers {

http::Response ListProjects(Call& call) {
  const auto& actor = call.Actor();
  const auto options = call.ListOptions();
  std::string customer_uuid;
  if (call.request().HasQuery("customer_uuid")) {
    customer_uuid = json::ReferenceUuid("customer_uuid", std::string(call.request().Query("customer_uuid")));
  }
  const std::string backend_id(call.request().Query("backend_id"));
  const auto page =
      service::ListProjects(call.services(), actor, customer_uuid, backend_id, options);
  return ListResponse(call, options, page, [&](const domain::Project& project) {
    return json::ProjectJson(call.links(), project);
  });
}

http::Response CreateProject(Call& call) {
  const auto& actor = call.Actor();
  const auto body = json::ObjectBody(call.request());
  service::NewProject input{.customer_uuid = json::RequiredReference(body, "customer"),
                            .name = json::RequiredString(body, "name"),
                            .description = json::OptionalString(body, "description").value_or(""),
                            .start_date = json::OptionalString(body, "start_date"),
                            .end_date = json::OptionalString(body, "end_date"),
                            .backend_id = json::OptionalString(body, "backend_id").value_or("")};
  const auto project = service::CreateProject(call.services(), actor, input);
  return JsonResponse(201, json::ProjectJson(call.links(), project));
}

http::Response GetProject(Call& call) {
  const auto project =
      service::GetProject(call.services(), call.Actor(), std::string(call.Param("uuid")));
  return JsonResponse(200, json::ProjectJson(call.links(), project));
}

http::Response UpdateProject(Call& call) {
  const auto project = service::UpdateProject(
      call.services(), call.Actor(), std::string(call.Param("uuid")), [&] {
        const auto body = json::ObjectBody(call.request());
        const auto start = json::OptionalNullableString(body, "start_date");
        const auto end = json::OptionalNullableString(body, "end_date");
        return service::ProjectChanges{.name = json::OptionalString(body, "name"),
                                       .description = json::OptionalString(body, "description"),
                                       .start_date = {start.present, start.value},
                                       .end_date = {end.present, end.value}};
      });
  return JsonResponse(200, json::ProjectJson(call.links(), project));
}

}  // namespace orderly::api::handlers
