#include "api/handlers/structure_handlers.hpp"
#include "api/json/body.hpp"
#include "api/json/structure_json.hpp"
#include "service/users.hpp"

namespace orderly::api::handlers {

http::Response ListUsers(Call& call) {
  const auto& actor = call.Actor();  // 401 before a bad page or ordering gives 400
  const auto options = call.ListOptions();
  const auto page = service::ListUsers(call.services(), actor, options);
  return ListResponse(call, options, page,
                      [&](const domain::User& user) { return json::UserJson(call.links(), user); });
}

http::Response CreateUser(Call& call) {
  const auto& actor = call.Actor();
  // Staff only, and a refusal comes before any complaint about the body (spec README §3, check order).
  service::Require(actor, domain::Action::kCreateUser, {});
  const auto body = json::ObjectBody(call.request());
  service::NewUser input{.username = json::RequiredString(body, "username"),
                         .password = json::RequiredString(body, "password"),
                         .email = json::OptionalString(body, "email").value_or(""),
                         .full_name = json::OptionalString(body, "full_name").value_or(""),
                         .is_staff = json::OptionalBool(body, "is_staff").value_or(false),
                         .is_support = json::OptionalBool(body, "is_support").value_or(false)};
  const auto user = service::CreateUser(call.services(), actor, input);
  return JsonResponse(201, json::UserJson(call.links(), user));
}

http::Response GetUser(Call& call) {
  const auto user =
      service::GetUser(call.services(), call.Actor(), std::string(call.Param("uuid")));
  return JsonResponse(200, json::UserJson(call.links(), user));
}

http::Response GetCurrentUser(Call& call) {
  const auto& actor = call.Actor();
  auto body = json::UserJson(call.links(), service::GetUser(call.services(), actor, actor.uuid));
  // The UI shows the caller's roles; they come with "me" only.
  auto roles = nlohmann::json::array();
  for (const auto& held : actor.roles) {
    roles.push_back({{"role", domain::InfoOf(held.role).name},
                     {"scope_type", domain::NameOf(domain::InfoOf(held.role).scope)}});
  }
  body["roles"] = std::move(roles);
  return JsonResponse(200, body);
}

}  // namespace orderly::api::handlers
