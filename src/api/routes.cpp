#include "api/routes.hpp"

#include <array>

#include "api/handlers/lifecycle_handlers.hpp"
#include "api/handlers/structure_handlers.hpp"

namespace orderly::api {
namespace {

using namespace handlers;  // NOLINT: the table reads better with bare handler names

constexpr auto kRoutes = std::to_array<Route>({
    {"GET", "/health/", Health},
    {"GET", "/metrics", PrometheusMetrics},
    {"GET", "/api/schema/", ApiSchema},
    {"GET", "/api/docs/", ApiDocs},
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

    {"GET", "/api/marketplace-orders/", ListOrders},
    {"POST", "/api/marketplace-orders/", CreateOrder},
    {"GET", "/api/marketplace-orders/{uuid}/", GetOrder},
    {"PATCH", "/api/marketplace-orders/{uuid}/", UpdateOrder},
    {"PUT", "/api/marketplace-orders/{uuid}/", UpdateOrder},
    {"DELETE", "/api/marketplace-orders/{uuid}/", DeleteOrder},
    {"GET", "/api/marketplace-orders/{uuid}/resource/", GetOrderResource},
    {"POST", "/api/marketplace-orders/{uuid}/approve_by_consumer/", ApproveByConsumer},
    {"POST", "/api/marketplace-orders/{uuid}/reject_by_consumer/", RejectByConsumer},
    {"POST", "/api/marketplace-orders/{uuid}/approve_by_provider/", ApproveByProvider},
    {"POST", "/api/marketplace-orders/{uuid}/reject_by_provider/", RejectByProvider},
    {"POST", "/api/marketplace-orders/{uuid}/cancel/", CancelOrder},
    {"POST", "/api/marketplace-orders/{uuid}/set_state_executing/", SetOrderExecuting},
    {"POST", "/api/marketplace-orders/{uuid}/set_state_done/", SetOrderDone},
    {"POST", "/api/marketplace-orders/{uuid}/set_state_erred/", SetOrderErred},
    {"POST", "/api/marketplace-orders/{uuid}/retry/", RetryOrder},
    {"POST", "/api/marketplace-orders/{uuid}/unlink/", UnlinkOrder},
    {"POST", "/api/marketplace-orders/{uuid}/set_backend_id/", SetOrderBackendId},

    {"GET", "/api/marketplace-resources/", ListConsumerResources},
    {"GET", "/api/marketplace-resources/{uuid}/", GetConsumerResource},
    {"PATCH", "/api/marketplace-resources/{uuid}/", UpdateConsumerResource},
    {"PUT", "/api/marketplace-resources/{uuid}/", UpdateConsumerResource},
    {"POST", "/api/marketplace-resources/{uuid}/terminate/", TerminateConsumerResource},
    {"POST", "/api/marketplace-resources/{uuid}/switch_plan/", SwitchPlan},
    {"POST", "/api/marketplace-resources/{uuid}/update_limits/", UpdateLimits},
    {"POST", "/api/marketplace-resources/{uuid}/set_state_ok/", SetStateOkConsumer},
    {"POST", "/api/marketplace-resources/{uuid}/unlink/", UnlinkConsumerResource},
    {"GET", "/api/marketplace-provider-resources/", ListProviderResources},
    {"GET", "/api/marketplace-provider-resources/{uuid}/", GetProviderResource},
    {"PATCH", "/api/marketplace-provider-resources/{uuid}/", UpdateProviderResource},
    {"PUT", "/api/marketplace-provider-resources/{uuid}/", UpdateProviderResource},
    {"POST", "/api/marketplace-provider-resources/{uuid}/terminate/", TerminateProviderResource},
    {"POST", "/api/marketplace-provider-resources/{uuid}/set_state_ok/", SetStateOkProvider},
    {"POST", "/api/marketplace-provider-resources/{uuid}/set_as_ok/", SetAsOk},
    {"POST", "/api/marketplace-provider-resources/{uuid}/set_as_erred/", SetAsErred},
    {"POST", "/api/marketplace-provider-resources/{uuid}/set_backend_id/", SetResourceBackendId},
    {"POST", "/api/marketplace-provider-resources/{uuid}/set_limits/", SetResourceLimits},
    {"POST", "/api/marketplace-provider-resources/{uuid}/set_backend_metadata/",
     SetResourceBackendMetadata},
    {"POST", "/api/marketplace-provider-resources/{uuid}/unlink/", UnlinkProviderResource},

    {"GET", "/api/support-issues/", ListSupportIssues},
    {"GET", "/api/support-issues/{uuid}/", GetSupportIssue},
    {"POST", "/api/support-issues/{uuid}/comment/", CommentOnSupportIssue},
    {"POST", "/api/support-issues/{uuid}/set_status/", SetSupportIssueStatus},

    {"POST", "/api/remote-waldur-api/pull_order/{order_uuid}/", PullOrder},
    {"POST", "/api/remote-waldur-api/cancel_termination/{uuid}/", CancelTermination},

    {"GET", "/api/events/", ListEvents},
    {"POST", "/api/periodic-jobs/run/", RunPeriodicJobs},
});

}  // namespace

std::span<const Route> Routes() { return kRoutes; }

}  // namespace orderly::api
