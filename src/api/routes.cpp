#include "api/routes.hpp"

#include <array>

#include "api/handlers/structure_handlers.hpp"

namespace orderly::api {
namespace {

using namespace handlers;  // NOLINT: the table reads better with bare handler names

constexpr auto kRoutes = std::to_array<Route>({
    {"GET", "/health/", Health},
    {"POST", "/api-auth/password/", ObtainToken},

    {"GET", "/api/users/", ListUsers},
    {"POST", "/api/users/", CreateUser},
    {"GET", "/api/users/me/", GetCurrentUser},
    {"GET", "/api/users/{uuid}/", GetUser},

    {"GET", "/api/customers/", ListCustomers},
    {"POST", "/api/customers/", CreateCustomer},
    {"GET", "/api/customers/{uuid}/", GetCustomer},
    {"PATCH", "/api/customers/{uuid}/", UpdateCustomer},
    {"GET", "/api/customers/{uuid}/list_users/", ListCustomerUsers},
    {"POST", "/api/customers/{uuid}/add_user/", AddCustomerUser},
    {"POST", "/api/customers/{uuid}/delete_user/", DeleteCustomerUser},

    {"GET", "/api/projects/", ListProjects},
    {"POST", "/api/projects/", CreateProject},
    {"GET", "/api/projects/{uuid}/", GetProject},
    {"PATCH", "/api/projects/{uuid}/", UpdateProject},
    {"GET", "/api/projects/{uuid}/list_users/", ListProjectUsers},
    {"POST", "/api/projects/{uuid}/add_user/", AddProjectUser},
    {"POST", "/api/projects/{uuid}/delete_user/", DeleteProjectUser},

    {"GET", "/api/marketplace-service-providers/", ListServiceProviders},
    {"POST", "/api/marketplace-service-providers/", CreateServiceProvider},
    {"GET", "/api/marketplace-service-providers/{uuid}/", GetServiceProvider},

    {"GET", "/api/marketplace-provider-offerings/", ListProviderOfferings},
    {"POST", "/api/marketplace-provider-offerings/", CreateOffering},
    {"GET", "/api/marketplace-provider-offerings/{uuid}/", GetProviderOffering},
    {"POST", "/api/marketplace-provider-offerings/{uuid}/activate/", ActivateOffering},
    {"POST", "/api/marketplace-provider-offerings/{uuid}/pause/", PauseOffering},
    {"POST", "/api/marketplace-provider-offerings/{uuid}/archive/", ArchiveOffering},
    {"GET", "/api/marketplace-provider-offerings/{uuid}/list_users/", ListOfferingUsers},
    {"POST", "/api/marketplace-provider-offerings/{uuid}/add_user/", AddOfferingUser},
    {"POST", "/api/marketplace-provider-offerings/{uuid}/delete_user/", DeleteOfferingUser},
    {"GET", "/api/marketplace-public-offerings/", ListPublicOfferings},
    {"GET", "/api/marketplace-public-offerings/{uuid}/", GetPublicOffering},
    {"GET", "/api/marketplace-plans/{uuid}/", GetPlan},

    {"GET", "/api/roles/", ListRoles},
    {"GET", "/api/roles/{uuid}/", GetRole},
    {"PUT", "/api/roles/{uuid}/", UpdateRole},
});

}  // namespace

std::span<const Route> Routes() { return kRoutes; }

}  // namespace orderly::api
