#include "api/handlers/structure_handlers.hpp"
#include "api/json/body.hpp"
#include "api/json/structure_json.hpp"
#include "domain/error.hpp"
#include "service/roles.hpp"

namespace orderly::api::handlers {
namespace {

service::RoleChange ReadRoleChange(Call& call) {
  const auto body = json::ObjectBody(call.request());
  return {.user_uuid = json::RequiredReference(body, "user"),
          .role_name = json::RequiredString(body, "role")};
}

http::Response AddUser(Call& call, domain::ScopeType scope) {
  const auto added = service::AddScopeUser(call.services(), call.Actor(), scope,
                                           std::string(call.Param("uuid")),
                                           [&] { return ReadRoleChange(call); });
  return JsonResponse(201, json::ScopeUserJson(call.links(), added));
}

http::Response DeleteUser(Call& call, domain::ScopeType scope) {
  service::RemoveScopeUser(call.services(), call.Actor(), scope, std::string(call.Param("uuid")),
                           [&] { return ReadRoleChange(call); });
  return JsonResponse(200, {{"detail", "Role removed."}});
}

http::Response ListUsers(Call& call, domain::ScopeType scope) {
  const auto users = service::ListScopeUsers(call.services(), call.Actor(), scope,
                                             std::string(call.Param("uuid")));
  auto items = nlohmann::json::array();
  for (const auto& user : users) items.push_back(json::ScopeUserJson(call.links(), user));
  return InMemoryListResponse(call, std::move(items), {"user_username", "role", "created"},
                              "created");
}

}  // namespace

http::Response ListRoles(Call& call) {
  call.Actor();
  auto items = nlohmann::json::array();
  for (const auto& role : service::ListRoles(call.services())) {
    items.push_back(json::RoleJson(call.links(), role));
  }
  return InMemoryListResponse(call, std::move(items), {"name"}, "name");
}

http::Response GetRole(Call& call) {
  call.Actor();
  for (const auto& role : service::ListRoles(call.services())) {
    if (role.uuid == call.Param("uuid")) return JsonResponse(200, json::RoleJson(call.links(), role));
  }
  throw NotFound("Role not found.");
}

http::Response UpdateRole(Call& call) {
  const auto role = service::UpdateRolePermissions(
      call.services(), call.Actor(), std::string(call.Param("uuid")), [&] {
        const auto body = json::ObjectBody(call.request());
        const auto list = json::OptionalArray(body, "permissions");
        if (!list) throw InvalidField("permissions", "This field is required.");
        std::vector<std::string> permissions;
        for (const auto& item : *list) {
          if (!item.is_string()) throw InvalidField("permissions", "Expected a list of strings.");
          permissions.push_back(item.get<std::string>());
        }
        return permissions;
      });
  return JsonResponse(200, json::RoleJson(call.links(), role));
}

http::Response AddCustomerUser(Call& call) { return AddUser(call, domain::ScopeType::kCustomer); }
http::Response DeleteCustomerUser(Call& call) { return DeleteUser(call, domain::ScopeType::kCustomer); }
http::Response ListCustomerUsers(Call& call) { return ListUsers(call, domain::ScopeType::kCustomer); }
http::Response AddProjectUser(Call& call) { return AddUser(call, domain::ScopeType::kProject); }
http::Response DeleteProjectUser(Call& call) { return DeleteUser(call, domain::ScopeType::kProject); }
http::Response ListProjectUsers(Call& call) { return ListUsers(call, domain::ScopeType::kProject); }
http::Response AddOfferingUser(Call& call) { return AddUser(call, domain::ScopeType::kOffering); }
http::Response DeleteOfferingUser(Call& call) { return DeleteUser(call, domain::ScopeType::kOffering); }
http::Response ListOfferingUsers(Call& call) { return ListUsers(call, domain::ScopeType::kOffering); }

}  // namespace orderly::api::handlers
