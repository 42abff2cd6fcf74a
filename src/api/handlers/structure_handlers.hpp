#pragma once

#include "api/call.hpp"
#include "api/http/message.hpp"

namespace orderly::api::handlers {

http::Response Health(Call& call);
// Prometheus text exposition; unauthenticated like /health/, for the scraper.
http::Response PrometheusMetrics(Call& call);
// The OpenAPI 3 document generated from the route table, and a page that browses it offline.
http::Response ApiSchema(Call& call);
http::Response ApiDocs(Call& call);
http::Response ObtainToken(Call& call);

http::Response ListUsers(Call& call);
http::Response CreateUser(Call& call);
http::Response GetUser(Call& call);
http::Response GetCurrentUser(Call& call);

http::Response ListCustomers(Call& call);
http::Response CreateCustomer(Call& call);
http::Response GetCustomer(Call& call);
http::Response UpdateCustomer(Call& call);

http::Response ListProjects(Call& call);
http::Response CreateProject(Call& call);
http::Response GetProject(Call& call);
http::Response UpdateProject(Call& call);

http::Response ListServiceProviders(Call& call);
http::Response CreateServiceProvider(Call& call);
http::Response GetServiceProvider(Call& call);

http::Response ListProviderOfferings(Call& call);
http::Response CreateOffering(Call& call);
http::Response GetProviderOffering(Call& call);
http::Response ActivateOffering(Call& call);
http::Response PauseOffering(Call& call);
http::Response ArchiveOffering(Call& call);
http::Response ListPublicOfferings(Call& call);
http::Response GetPublicOffering(Call& call);
http::Response GetPlan(Call& call);

http::Response ListRoles(Call& call);
http::Response GetRole(Call& call);
http::Response UpdateRole(Call& call);

// add_user / delete_user / list_users on customers, projects and offerings.
http::Response AddCustomerUser(Call& call);
http::Response DeleteCustomerUser(Call& call);
http::Response ListCustomerUsers(Call& call);
http::Response AddProjectUser(Call& call);
http::Response DeleteProjectUser(Call& call);
http::Response ListProjectUsers(Call& call);
http::Response AddOfferingUser(Call& call);
http::Response DeleteOfferingUser(Call& call);
http::Response ListOfferingUsers(Call& call);

}  // namespace orderly::api::handlers
