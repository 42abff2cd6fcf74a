#include "api/handlers/structure_handlers.hpp"
#include "api/json/body.hpp"
#include "api/json/structure_json.hpp"
#include "service/customers.hpp"

namespace orderly::api::handlers {

http::Response ListCustomers(Call& call) {
  const auto& actor = call.Actor();  // 401 before a bad page or ordering gives 400
  const auto options = call.ListOptions();
  const auto page = service::ListCustomers(call.services(), actor, options);
  return ListResponse(call, options, page, [&](const domain::Customer& customer) {
    return json::CustomerJson(call.links(), customer);
  });
}

http::Response CreateCustomer(Call& call) {
  const auto& actor = call.Actor();
  // Staff only, and a refusal comes before any complaint about the body (spec README §3, check order).
  service::Require(actor, domain::Action::kCreateCustomer, {});
  const auto body = json::ObjectBody(call.request());
  service::NewCustomer input{.name = json::RequiredString(body, "name"),
                             .email = json::OptionalString(body, "email").value_or("")};
  return JsonResponse(201, json::CustomerJson(call.links(),
                                              service::CreateCustomer(call.services(), actor, input)));
}

http::Response GetCustomer(Call& call) {
  const auto customer =
      service::GetCustomer(call.services(), call.Actor(), std::string(call.Param("uuid")));
  return JsonResponse(200, json::CustomerJson(call.links(), customer));
}

http::Response UpdateCustomer(Call& call) {
  const auto customer = service::UpdateCustomer(
      call.services(), call.Actor(), std::string(call.Param("uuid")), [&] {
        const auto body = json::ObjectBody(call.request());
        return service::CustomerChanges{.name = json::OptionalString(body, "name"),
                                        .email = json::OptionalString(body, "email"),
                                        .blocked = json::OptionalBool(body, "blocked")};
      });
  return JsonResponse(200, json::CustomerJson(call.links(), customer));
}

http::Response ListServiceProviders(Call& call) {
  call.Actor();
  const auto options = call.ListOptions();
  const auto page = service::ListServiceProviders(call.services(), options);
  return ListResponse(call, options, page, [&](const domain::ServiceProvider& provider) {
    return json::ServiceProviderJson(call.links(), provider);
  });
}

http::Response CreateServiceProvider(Call& call) {
  const auto& actor = call.Actor();
  // Staff only, and a refusal comes before any complaint about the body (spec README §3, check order).
  service::Require(actor, domain::Action::kCreateServiceProvider, {});
  const auto body = json::ObjectBody(call.request());
  const auto provider = service::CreateServiceProvider(call.services(), actor,
                                                       json::RequiredReference(body, "customer"));
  return JsonResponse(201, json::ServiceProviderJson(call.links(), provider));
}

http::Response GetServiceProvider(Call& call) {
  call.Actor();
  const auto provider = service::GetServiceProvider(call.services(), std::string(call.Param("uuid")));
  return JsonResponse(200, json::ServiceProviderJson(call.links(), provider));
}

}  // namespace orderly::api::handlers
