#include "api/waldur_gaps.hpp"

#include <array>

namespace orderly::api {
namespace {

constexpr std::string_view kUsage =
    "orderly does not record component usage (out of its scope: no billing); usage reports are "
    "not accepted.";
constexpr std::string_view kOfferingUsers =
    "orderly has no offering users (out of its scope): accounts on the backend are the site's "
    "own business.";
constexpr std::string_view kRegistration =
    "orderly does not track site agents (out of its scope); the order loop works without "
    "registering.";

constexpr auto kGaps = std::to_array<WaldurGap>({
    {"/api/marketplace-provider-resources/{uuid}/set_endpoints/",
     "orderly does not store resource endpoints (out of its scope); the resource is unchanged."},
    {"/api/marketplace-provider-resources/{uuid}/team/",
     "orderly does not list a resource's project team (out of its scope); use "
     "/api/projects/{uuid}/list_users/."},
    {"/api/marketplace-offering-users/", kOfferingUsers},
    {"/api/marketplace-offering-users/{uuid}/", kOfferingUsers},
    {"/api/marketplace-component-usages/", kUsage},
    {"/api/marketplace-component-usages/set_usage/", kUsage},
    {"/api/marketplace-component-usages/{uuid}/", kUsage},
    {"/api/marketplace-component-usages/{uuid}/set_user_usages/", kUsage},
    {"/api/marketplace-component-usages/{uuid}/set_user_usage/", kUsage},
    {"/api/marketplace-component-user-usages/", kUsage},
    {"/api/marketplace-service-providers/{uuid}/keys/",
     "orderly does not keep users' SSH keys (out of its scope)."},
    {"/api/marketplace-provider-offerings/{uuid}/check_unique_backend_id/",
     "orderly does not check backend ids across offerings (out of its scope); the backend id a "
     "provider sets is stored as given."},
    {"/api/marketplace-site-agent-identities/", kRegistration},
    {"/api/marketplace-site-agent-identities/{uuid}/", kRegistration},
    {"/api/marketplace-site-agent-identities/{uuid}/register_service/", kRegistration},
    {"/api/marketplace-site-agent-services/{uuid}/register_processor/", kRegistration},
    {"/api/marketplace-site-agent-services/{uuid}/register_event_subscription/", kRegistration},
    {"/api/marketplace-site-agent-services/{uuid}/register_queue/", kRegistration},
});

}  // namespace

std::span<const WaldurGap> WaldurGaps() { return kGaps; }

}  // namespace orderly::api
