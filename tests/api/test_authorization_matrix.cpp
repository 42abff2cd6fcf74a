// Every route of api::Routes() x every kind of caller (not signed in, a malformed token, a token of
// another scheme, an unknown token, a deactivated user, staff, support and each role), asserting
// the status the rules give: order and resource actions ask src/domain (CheckOrderAction,
// CheckResourceAction, the list rules), the organization model asks domain::IsAllowed, and
// visibility follows the spec (401, then 404 for what the caller cannot see, then 403). The same
// run greps every response and the server's whole log (json and text) for every secret.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <optional>
#include <set>

#include "api/errors.hpp"
#include "api/openapi/openapi_document.hpp"
#include "api/routes.hpp"
#include "authz_world.hpp"
#include "domain/transitions.hpp"
#include "test_database.hpp"

namespace orderly::testing::authz {
namespace {

using domain::Action;
using domain::OrderAction;
using domain::ResourceAction;
using nlohmann::json;

struct Probe {
  std::string path;
  json body;  // null: no body
};

struct Case {
  std::string_view method;
  std::string_view pattern;
  std::function<Probe(const World&, const Caller&)> probe;
  // The status of a signed-in caller.
  std::function<int(const World&, const domain::Actor&)> expected;
  // Set for routes that authenticate nobody: every caller, signed in or not, gets this.
  std::optional<int> public_status = std::nullopt;
  // Keeps the model in step with a change the request made (offering transitions).
  std::function<void(World&, int status)> after = nullptr;
};

Probe At(std::string path, json body = nullptr) { return {std::move(path), std::move(body)}; }

// Status of a staff-or-permission action on a visible object: 403 unless allowed, else `allowed`.
int Gate(bool visible, bool allowed, int allowed_status) {
  if (!visible) return 404;
  return allowed ? allowed_status : 403;
}

bool Allowed(const domain::Actor& actor, Action action, domain::Subject subject = {}) {
  return domain::IsAllowed(actor, action, subject);
}

// An order action on the world's rejected Support order, as CheckOrderAction rules it.
int OrderStatus(const World& world, const domain::Actor& actor, OrderAction action, int success) {
  if (!SeesOrder(actor, world)) return 404;
  const auto order = world.RejectedOrder();
  const domain::OrderFacts facts{.order = order,
                                 .offering_type = domain::OfferingType::kSupport,
                                 .subject = world.OrderSubject()};
  const auto error = domain::CheckOrderAction(actor, action, facts);
  return error ? api::StatusOf(error->code()) : success;
}

// A resource action on the world's Terminated resource through the consumer or provider path.
int ResourceStatus(const World& world, const domain::Actor& actor, bool provider_path,
                   ResourceAction action, int success) {
  const bool visible =
      provider_path ? SeesProviderResource(actor) : SeesConsumerResource(actor, world);
  if (!visible) return 404;
  const auto resource = world.TerminatedResource();
  const domain::ResourceFacts facts{.resource = resource,
                                    .offering_type = domain::OfferingType::kSupport,
                                    .subject = world.OrderSubject()};
  const auto error = domain::CheckResourceAction(actor, action, facts);
  return error ? api::StatusOf(error->code()) : success;
}

// An offering transition on the offering that starts Archived; the model follows its state.
Case OfferingTransition(std::string_view pattern, Action action) {
  return {"POST",
          pattern,
          [pattern](const World& w, const Caller&) {
            const std::string verb = std::string(pattern).substr(pattern.rfind("}/") + 2);
            return At("/api/marketplace-provider-offerings/" + w.archived_offering + "/" + verb,
                      json::object());
          },
          [action](const World& w, const domain::Actor& a) {
            const domain::Subject subject{.offering_id = kArchivedOffering,
                                          .offering_customer_id = kProvider};
            const bool allowed = Allowed(a, action, subject);
            return Gate(SeesProviderOffering(a, kArchivedOffering), allowed,
                        domain::NextOfferingState(action, w.archived_state) ? 200 : 409);
          },
          std::nullopt,
          [action](World& w, int status) {
            if (status == 200)
              w.archived_state = *domain::NextOfferingState(action, w.archived_state);
          }};
}

Case OrderCase(std::string_view method, std::string_view pattern, OrderAction action, int success,
               json body = json::object()) {
  const bool unlink = action == OrderAction::kUnlink;
  return {method, pattern,
          [pattern, unlink, body](const World& w, const Caller&) {
            std::string path(pattern);
            path.replace(path.find("{uuid}"), 6, unlink ? w.unlinked_order : w.rejected_order);
            return At(path, body);
          },
          [action, success](const World& w, const domain::Actor& a) {
            return OrderStatus(w, a, action, success);
          }};
}

Case ResourceCase(std::string_view method, std::string_view pattern, ResourceAction action,
                  int success, json body = json::object()) {
  const bool provider = pattern.starts_with("/api/marketplace-provider-resources/");
  const bool unlink = action == ResourceAction::kUnlink;
  return {method, pattern,
          [pattern, provider, unlink, body](const World& w, const Caller&) {
            std::string path(pattern);
            const std::string& target =
                !unlink ? w.resource
                        : (provider ? w.unlinked_provider_resource : w.unlinked_consumer_resource);
            path.replace(path.find("{uuid}"), 6, target);
            return At(path, body);
          },
          [provider, action, success](const World& w, const domain::Actor& a) {
            return ResourceStatus(w, a, provider, action, success);
          }};
}

// A GET that every signed-in caller may make.
Case Open(std::string_view pattern, std::function<std::string(const World&)> path) {
  return {"GET", pattern, [path](const World& w, const Caller&) { return At(path(w)); },
          [](const World&, const domain::Actor&) { return 200; }};
}

std::string Fixed(std::string_view pattern) { return std::string(pattern); }

std::vector<Case> Cases() {
  const json empty = json::object();
  const std::string orders = "/api/marketplace-orders/";
  return {
      // Public routes: no authentication at all, whatever the caller sends.
      {"GET", "/health/", [](const World&, const Caller&) { return At("/health/"); }, nullptr, 200},
      {"GET", "/metrics", [](const World&, const Caller&) { return At("/metrics"); }, nullptr, 200},
      {"GET", "/api/schema/", [](const World&, const Caller&) { return At("/api/schema/"); },
       nullptr, 200},
      {"GET", "/api/docs/", [](const World&, const Caller&) { return At("/api/docs/"); }, nullptr,
       200},
      {"POST", "/api-auth/password/",
       [](const World&, const Caller&) { return At("/api-auth/password/", json::object()); },
       nullptr, 400},
      // processing.md §9.4: the pull callback authenticates nobody; a Support order is not
      // followed.
      {"POST", "/api/remote-waldur-api/pull_order/{order_uuid}/",
       [](const World& w, const Caller&) {
         return At("/api/remote-waldur-api/pull_order/" + w.rejected_order + "/", json::object());
       },
       nullptr, 404},

      // Users: staff and support see everyone, the rest themselves; staff create.
      Open("/api/users/", [](const World&) { return Fixed("/api/users/"); }),
      {"POST", "/api/users/",
       [](const World&, const Caller&) { return At("/api/users/", json::object()); },
       [](const World&, const domain::Actor& a) {
         return Allowed(a, Action::kCreateUser) ? 400 : 403;
       }},
      Open("/api/users/me/", [](const World&) { return Fixed("/api/users/me/"); }),
      {"GET", "/api/users/{uuid}/",
       [](const World& w, const Caller&) { return At("/api/users/" + w.owner_user + "/"); },
       [](const World& w, const domain::Actor& a) {
         return domain::SeesEverything(a) || a.uuid == w.owner_user ? 200 : 404;
       }},

      // Organizations.
      Open("/api/customers/", [](const World&) { return Fixed("/api/customers/"); }),
      {"POST", "/api/customers/",
       [](const World&, const Caller&) { return At("/api/customers/", json::object()); },
       [](const World&, const domain::Actor& a) {
         return Allowed(a, Action::kCreateCustomer) ? 400 : 403;
       }},
      {"GET", "/api/customers/{uuid}/",
       [](const World& w, const Caller&) { return At("/api/customers/" + w.consumer + "/"); },
       [](const World&, const domain::Actor& a) { return SeesCustomer(a, kConsumer) ? 200 : 404; }},
      {"PATCH", "/api/customers/{uuid}/",
       [](const World& w, const Caller&) {
         return At("/api/customers/" + w.consumer + "/", json::object());
       },
       [](const World&, const domain::Actor& a) {
         return Gate(SeesCustomer(a, kConsumer), Allowed(a, Action::kUpdateCustomer), 200);
       }},
      {"GET", "/api/customers/{uuid}/list_users/",
       [](const World& w, const Caller&) {
         return At("/api/customers/" + w.consumer + "/list_users/");
       },
       [](const World&, const domain::Actor& a) { return SeesCustomer(a, kConsumer) ? 200 : 404; }},
      {"POST", "/api/customers/{uuid}/add_user/",
       [](const World& w, const Caller&) {
         return At("/api/customers/" + w.consumer + "/add_user/", json::object());
       },
       [](const World&, const domain::Actor& a) {
         return Gate(SeesCustomer(a, kConsumer),
                     Allowed(a, Action::kManageCustomerRoles, {.customer_id = kConsumer}), 400);
       }},
      {"POST", "/api/customers/{uuid}/delete_user/",
       [](const World& w, const Caller&) {
         return At("/api/customers/" + w.consumer + "/delete_user/", json::object());
       },
       [](const World&, const domain::Actor& a) {
         return Gate(SeesCustomer(a, kConsumer),
                     Allowed(a, Action::kRevokeCustomerRoles, {.customer_id = kConsumer}), 400);
       }},

      // Projects. Creating one names the organization in the body: one the caller cannot see is
      // an invalid reference (400), as for orders (domain.md §5.1).
      Open("/api/projects/", [](const World&) { return Fixed("/api/projects/"); }),
      {"POST", "/api/projects/",
       [](const World& w, const Caller& c) {
         return At("/api/projects/", {{"customer", w.consumer}, {"name", "by " + c.name}});
       },
       [](const World&, const domain::Actor& a) {
         if (!SeesCustomer(a, kConsumer)) return 400;
         return Allowed(a, Action::kCreateProject, {.customer_id = kConsumer}) ? 201 : 403;
       }},
      {"GET", "/api/projects/{uuid}/",
       [](const World& w, const Caller&) { return At("/api/projects/" + w.project + "/"); },
       [](const World&, const domain::Actor& a) { return SeesProject(a) ? 200 : 404; }},
      {"PATCH", "/api/projects/{uuid}/",
       [](const World& w, const Caller&) {
         return At("/api/projects/" + w.project + "/", json::object());
       },
       [](const World&, const domain::Actor& a) {
         return Gate(SeesProject(a), Allowed(a, Action::kUpdateProject, {.customer_id = kConsumer}),
                     200);
       }},
      {"GET", "/api/projects/{uuid}/list_users/",
       [](const World& w, const Caller&) {
         return At("/api/projects/" + w.project + "/list_users/");
       },
       [](const World&, const domain::Actor& a) { return SeesProject(a) ? 200 : 404; }},
      {"POST", "/api/projects/{uuid}/add_user/",
       [](const World& w, const Caller&) {
         return At("/api/projects/" + w.project + "/add_user/", json::object());
       },
       [](const World&, const domain::Actor& a) {
         return Gate(SeesProject(a),
                     Allowed(a, Action::kManageProjectRoles, {.customer_id = kConsumer}), 400);
       }},
      {"POST", "/api/projects/{uuid}/delete_user/",
       [](const World& w, const Caller&) {
         return At("/api/projects/" + w.project + "/delete_user/", json::object());
       },
       [](const World&, const domain::Actor& a) {
         return Gate(SeesProject(a),
                     Allowed(a, Action::kRevokeProjectRoles, {.customer_id = kConsumer}), 400);
       }},

      // Service providers are public to every signed-in user.
      Open("/api/marketplace-service-providers/",
           [](const World&) { return Fixed("/api/marketplace-service-providers/"); }),
      {"POST", "/api/marketplace-service-providers/",
       [](const World&, const Caller&) {
         return At("/api/marketplace-service-providers/", json::object());
       },
       [](const World&, const domain::Actor& a) {
         return Allowed(a, Action::kCreateServiceProvider) ? 400 : 403;
       }},
      Open("/api/marketplace-service-providers/{uuid}/",
           [](const World& w) {
             return "/api/marketplace-service-providers/" + w.service_provider + "/";
           }),

      // Offerings. Creation carries secret_options, which only staff may read back.
      Open("/api/marketplace-provider-offerings/",
           [](const World&) { return Fixed("/api/marketplace-provider-offerings/"); }),
      {"POST", "/api/marketplace-provider-offerings/",
       [](const World& w, const Caller& c) {
         return At("/api/marketplace-provider-offerings/",
                   {{"name", "by " + c.name},
                    {"customer", w.provider},
                    {"type", "OpenStack.Tenant"},
                    {"secret_options", w.secret_options.begin()->second}});
       },
       [](const World&, const domain::Actor& a) {
         if (!SeesCustomer(a, kProvider)) return 400;
         return Allowed(a, Action::kCreateOffering, {.customer_id = kProvider}) ? 201 : 403;
       }},
      {"GET", "/api/marketplace-provider-offerings/{uuid}/",
       [](const World& w, const Caller&) {
         return At("/api/marketplace-provider-offerings/" + w.support_offering + "/");
       },
       [](const World&, const domain::Actor& a) {
         return SeesProviderOffering(a, kSupportOffering) ? 200 : 404;
       }},
      OfferingTransition("/api/marketplace-provider-offerings/{uuid}/activate/",
                         Action::kActivateOffering),
      OfferingTransition("/api/marketplace-provider-offerings/{uuid}/pause/",
                         Action::kPauseOffering),
      OfferingTransition("/api/marketplace-provider-offerings/{uuid}/archive/",
                         Action::kArchiveOffering),
      {"GET", "/api/marketplace-provider-offerings/{uuid}/list_users/",
       [](const World& w, const Caller&) {
         return At("/api/marketplace-provider-offerings/" + w.support_offering + "/list_users/");
       },
       [](const World&, const domain::Actor& a) {
         return SeesProviderOffering(a, kSupportOffering) ? 200 : 404;
       }},
      {"POST", "/api/marketplace-provider-offerings/{uuid}/add_user/",
       [](const World& w, const Caller&) {
         return At("/api/marketplace-provider-offerings/" + w.support_offering + "/add_user/",
                   json::object());
       },
       [](const World&, const domain::Actor& a) {
         const domain::Subject subject{.offering_id = kSupportOffering,
                                       .offering_customer_id = kProvider};
         return Gate(SeesProviderOffering(a, kSupportOffering),
                     Allowed(a, Action::kManageOfferingRoles, subject), 400);
       }},
      {"POST", "/api/marketplace-provider-offerings/{uuid}/delete_user/",
       [](const World& w, const Caller&) {
         return At("/api/marketplace-provider-offerings/" + w.support_offering + "/delete_user/",
                   json::object());
       },
       [](const World&, const domain::Actor& a) {
         const domain::Subject subject{.offering_id = kSupportOffering,
                                       .offering_customer_id = kProvider};
         return Gate(SeesProviderOffering(a, kSupportOffering),
                     Allowed(a, Action::kRevokeOfferingRoles, subject), 400);
       }},
      // An Active shared offering and its plans are on sale to everyone signed in.
      Open("/api/marketplace-public-offerings/",
           [](const World&) { return Fixed("/api/marketplace-public-offerings/"); }),
      Open("/api/marketplace-public-offerings/{uuid}/",
           [](const World& w) {
             return "/api/marketplace-public-offerings/" + w.support_offering + "/";
           }),
      Open("/api/marketplace-plans/{uuid}/",
           [](const World& w) { return "/api/marketplace-plans/" + w.support_plan + "/"; }),

      // Roles: everyone reads, staff edit.
      Open("/api/roles/", [](const World&) { return Fixed("/api/roles/"); }),
      Open("/api/roles/{uuid}/", [](const World& w) { return "/api/roles/" + w.role + "/"; }),
      {"PUT", "/api/roles/{uuid}/",
       [](const World& w, const Caller&) {
         return At("/api/roles/" + w.role + "/", json::object());
       },
       [](const World&, const domain::Actor& a) {
         return Allowed(a, Action::kUpdateRolePermissions) ? 400 : 403;
       }},

      // Orders: the list rule decides visibility, CheckOrderAction the rest. The target is a
      // rejected Support order, so no allowed action changes it (409 or 405), except unlink,
      // which staff (last) take on an order of its own.
      Open("/api/marketplace-orders/",
           [](const World&) { return Fixed("/api/marketplace-orders/"); }),
      {"POST", "/api/marketplace-orders/",
       [](const World& w, const Caller&) {
         return At("/api/marketplace-orders/", {{"project", w.project},
                                                {"offering", w.support_offering},
                                                {"plan", w.support_plan},
                                                {"attributes", {{"name", "matrix"}}},
                                                {"limits", {{"cpu", 1}}}});
       },
       [](const World& w, const domain::Actor& a) {
         if (!SeesProject(a)) return 400;
         return domain::MayTake(a, domain::CreateOrderPermission(), w.OrderSubject()) ? 201 : 403;
       }},
      {"GET", "/api/marketplace-orders/{uuid}/",
       [](const World& w, const Caller&) {
         return At("/api/marketplace-orders/" + w.rejected_order + "/");
       },
       [](const World& w, const domain::Actor& a) { return SeesOrder(a, w) ? 200 : 404; }},
      OrderCase("PATCH", "/api/marketplace-orders/{uuid}/", OrderAction::kUpdate, 200),
      OrderCase("PUT", "/api/marketplace-orders/{uuid}/", OrderAction::kUpdate, 200),
      OrderCase("DELETE", "/api/marketplace-orders/{uuid}/", OrderAction::kDestroy, 204, nullptr),
      {"GET", "/api/marketplace-orders/{uuid}/resource/",
       [](const World& w, const Caller&) {
         return At("/api/marketplace-orders/" + w.rejected_order + "/resource/");
       },
       [](const World& w, const domain::Actor& a) { return SeesOrder(a, w) ? 200 : 404; }},
      OrderCase("POST", "/api/marketplace-orders/{uuid}/approve_by_consumer/",
                OrderAction::kApproveByConsumer, 200),
      OrderCase("POST", "/api/marketplace-orders/{uuid}/reject_by_consumer/",
                OrderAction::kRejectByConsumer, 200),
      OrderCase("POST", "/api/marketplace-orders/{uuid}/approve_by_provider/",
                OrderAction::kApproveByProvider, 200),
      OrderCase("POST", "/api/marketplace-orders/{uuid}/reject_by_provider/",
                OrderAction::kRejectByProvider, 200),
      OrderCase("POST", "/api/marketplace-orders/{uuid}/cancel/", OrderAction::kCancel, 202),
      OrderCase("POST", "/api/marketplace-orders/{uuid}/set_state_executing/",
                OrderAction::kSetStateExecuting, 200),
      OrderCase("POST", "/api/marketplace-orders/{uuid}/set_state_done/",
                OrderAction::kSetStateDone, 200),
      OrderCase("POST", "/api/marketplace-orders/{uuid}/set_state_erred/",
                OrderAction::kSetStateErred, 200),
      OrderCase("POST", "/api/marketplace-orders/{uuid}/retry/", OrderAction::kRetry, 200),
      OrderCase("POST", "/api/marketplace-orders/{uuid}/unlink/", OrderAction::kUnlink, 204),
      // Allowed, then the body has no backend_id: 400, and nothing changes.
      OrderCase("POST", "/api/marketplace-orders/{uuid}/set_backend_id/",
                OrderAction::kSetBackendId, 400),
      OrderCase("POST", "/api/remote-waldur-api/cancel_termination/{uuid}/",
                OrderAction::kCancelTermination, 200),

      // Resources: a Terminated one (most actions are a 409 for whoever may take them).
      Open("/api/marketplace-resources/",
           [](const World&) { return Fixed("/api/marketplace-resources/"); }),
      {"GET", "/api/marketplace-resources/{uuid}/",
       [](const World& w, const Caller&) {
         return At("/api/marketplace-resources/" + w.resource + "/");
       },
       [](const World& w, const domain::Actor& a) {
         return SeesConsumerResource(a, w) ? 200 : 404;
       }},
      ResourceCase("PATCH", "/api/marketplace-resources/{uuid}/", ResourceAction::kUpdate, 200),
      ResourceCase("PUT", "/api/marketplace-resources/{uuid}/", ResourceAction::kUpdate, 200),
      ResourceCase("POST", "/api/marketplace-resources/{uuid}/terminate/",
                   ResourceAction::kTerminate, 200),
      ResourceCase("POST", "/api/marketplace-resources/{uuid}/switch_plan/",
                   ResourceAction::kSwitchPlan, 200,
                   {{"plan", "0123456789abcdef0123456789abcdef"}}),
      ResourceCase("POST", "/api/marketplace-resources/{uuid}/update_limits/",
                   ResourceAction::kUpdateLimits, 200, {{"limits", {{"cpu", 3}}}}),
      ResourceCase("POST", "/api/marketplace-resources/{uuid}/set_state_ok/",
                   ResourceAction::kSetStateOk, 200),
      ResourceCase("POST", "/api/marketplace-resources/{uuid}/unlink/", ResourceAction::kUnlink,
                   204),
      Open("/api/marketplace-provider-resources/",
           [](const World&) { return Fixed("/api/marketplace-provider-resources/"); }),
      {"GET", "/api/marketplace-provider-resources/{uuid}/",
       [](const World& w, const Caller&) {
         return At("/api/marketplace-provider-resources/" + w.resource + "/");
       },
       [](const World&, const domain::Actor& a) { return SeesProviderResource(a) ? 200 : 404; }},
      ResourceCase("PATCH", "/api/marketplace-provider-resources/{uuid}/", ResourceAction::kUpdate,
                   200),
      ResourceCase("PUT", "/api/marketplace-provider-resources/{uuid}/", ResourceAction::kUpdate,
                   200),
      ResourceCase("POST", "/api/marketplace-provider-resources/{uuid}/terminate/",
                   ResourceAction::kTerminate, 200),
      ResourceCase("POST", "/api/marketplace-provider-resources/{uuid}/set_state_ok/",
                   ResourceAction::kSetStateOk, 200),
      ResourceCase("POST", "/api/marketplace-provider-resources/{uuid}/set_as_ok/",
                   ResourceAction::kSetAsOk, 200),
      ResourceCase("POST", "/api/marketplace-provider-resources/{uuid}/set_as_erred/",
                   ResourceAction::kSetAsErred, 200),
      // Allowed in any state; the empty body then fails validation (400) and changes nothing.
      ResourceCase("POST", "/api/marketplace-provider-resources/{uuid}/set_backend_id/",
                   ResourceAction::kSetBackendId, 400),
      ResourceCase("POST", "/api/marketplace-provider-resources/{uuid}/set_limits/",
                   ResourceAction::kSetLimits, 400),
      ResourceCase("POST", "/api/marketplace-provider-resources/{uuid}/set_backend_metadata/",
                   ResourceAction::kSetBackendMetadata, 400),
      ResourceCase("POST", "/api/marketplace-provider-resources/{uuid}/unlink/",
                   ResourceAction::kUnlink, 204),

      // The helpdesk: whoever sees the order sees its issue; support users only read; the status
      // is the provider side's (as set_state_done).
      Open("/api/support-issues/", [](const World&) { return Fixed("/api/support-issues/"); }),
      {"GET", "/api/support-issues/{uuid}/",
       [](const World& w, const Caller&) { return At("/api/support-issues/" + w.issue + "/"); },
       [](const World& w, const domain::Actor& a) { return SeesOrder(a, w) ? 200 : 404; }},
      {"POST", "/api/support-issues/{uuid}/comment/",
       [](const World& w, const Caller&) {
         return At("/api/support-issues/" + w.issue + "/comment/", json::object());
       },
       [](const World& w, const domain::Actor& a) {
         return Gate(SeesOrder(a, w), domain::MayCommentOnIssue(a), 400);
       }},
      {"POST", "/api/support-issues/{uuid}/set_status/",
       [](const World& w, const Caller&) {
         return At("/api/support-issues/" + w.issue + "/set_status/", json::object());
       },
       [](const World& w, const domain::Actor& a) {
         return Gate(SeesOrder(a, w),
                     domain::MayTake(a, domain::IssueStatusPermission(), w.OrderSubject()), 400);
       }},

      // Spec clarification 20: an event log is read by whoever sees its order or resource.
      {"GET", "/api/events/",
       [](const World& w, const Caller&) { return At("/api/events/?scope=" + w.rejected_order); },
       [](const World& w, const domain::Actor& a) { return SeesOrder(a, w) ? 200 : 404; }},
      {"POST", "/api/periodic-jobs/run/",
       [](const World&, const Caller&) { return At("/api/periodic-jobs/run/", json::object()); },
       [](const World&, const domain::Actor& a) {
         return Allowed(a, Action::kRunPeriodicJobs) ? 200 : 403;
       }},
  };
}

std::string Key(std::string_view method, std::string_view pattern) {
  return std::string(method) + " " + std::string(pattern);
}

TEST(AuthorizationMatrixTable, EveryRouteHasExactlyOneCase) {
  std::map<std::string, int> cases;
  for (const Case& c : Cases()) ++cases[Key(c.method, c.pattern)];
  std::set<std::string> routes;
  for (const api::Route& route : api::Routes()) {
    const std::string key = Key(route.method, route.pattern);
    routes.insert(key);
    EXPECT_EQ(cases[key], 1) << key << ": every route joins the authorization matrix exactly once "
                             << "(tests/api/test_authorization_matrix.cpp, Cases())";
  }
  for (const auto& [key, count] : cases) {
    EXPECT_TRUE(routes.contains(key)) << key << " is in the matrix but not a route";
  }
}

// The API document tells clients which routes need no token: exactly the ones that authenticate
// nobody here.
TEST(AuthorizationMatrixTable, TheApiDocumentMarksExactlyTheOpenRoutesAsOpen) {
  const auto document = api::openapi::OpenApiDocument(api::Routes());
  for (const Case& c : Cases()) {
    std::string method(c.method);
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    const auto& operation = document["paths"][std::string(c.pattern)][method];
    const bool open = operation.contains("security") && operation["security"].empty();
    EXPECT_EQ(open, c.public_status.has_value()) << c.method << " " << c.pattern;
  }
}

struct Observed {
  std::string caller;
  std::string request;
  ApiResponse response;
};

// A server per log format (--log-level debug, so that the log says everything it can), its log
// captured in a file that is read after the run.
class AuthorizationMatrixTest : public ApiTest, public ::testing::WithParamInterface<std::string> {
 protected:
  std::vector<std::string> ExtraServerArgs() const override {
    return {"--log-format", GetParam(), "--log-level", "debug"};
  }

  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    log_path_ = RestartCapturingLog();
  }

  ApiResponse Send(const Caller& caller, std::string_view method, const Probe& probe) {
    return api().Send(std::string(method), probe.path,
                      probe.body.is_null() ? "" : probe.body.dump(), caller.headers);
  }

  std::filesystem::path log_path_;
};

// The text a response shows the caller; staff's may carry secret_options, and only there.
std::string Visible(const Observed& seen) {
  std::string text;
  for (const auto& [name, value] : seen.response.headers) text += name + ": " + value + "\n";
  if (seen.caller != "staff" || seen.response.body.is_null()) return text + seen.response.text;
  json body = seen.response.body;
  std::function<void(json&)> strip = [&](json& node) {
    if (node.is_object()) {
      node.erase("secret_options");
      for (auto& [key, child] : node.items()) strip(child);
    } else if (node.is_array()) {
      for (auto& child : node) strip(child);
    }
  };
  strip(body);
  return text + body.dump();
}

TEST_P(AuthorizationMatrixTest, EveryRouteAndCallerGetsTheRuleStatusAndNoSecretLeaks) {
  const auto started = std::chrono::steady_clock::now();
  World world = WorldBuilder(api(), staff_token(), kPassword, server().db_url()).Build();
  ASSERT_FALSE(HasFailure()) << "the world could not be built";
  const auto built = std::chrono::steady_clock::now();

  std::vector<Observed> observed;
  std::set<std::string> probed;
  int mismatches = 0;
  for (const Case& c : Cases()) {
    probed.insert(Key(c.method, c.pattern));
    for (const Caller& caller : world.callers) {
      const Probe probe = c.probe(world, caller);
      const int expected = c.public_status         ? *c.public_status
                           : !caller.authenticated ? 401
                                                   : c.expected(world, caller.actor);
      auto response = Send(caller, c.method, probe);
      if (response.status != expected) ++mismatches;
      EXPECT_EQ(response.status, expected)
          << c.method << " " << c.pattern << " as " << caller.name << " (" << probe.path
          << "): " << response.text.substr(0, 300);
      EXPECT_LT(response.status, 500) << c.method << " " << probe.path << " as " << caller.name;
      if (c.after) c.after(world, response.status);
      observed.push_back(
          {caller.name, std::string(c.method) + " " + probe.path, std::move(response)});
    }
  }
  const auto matrix_done = std::chrono::steady_clock::now();
  for (const api::Route& route : api::Routes()) {
    EXPECT_TRUE(probed.contains(Key(route.method, route.pattern)))
        << "not probed: " << route.pattern;
  }

  // Staff, and only staff, read secret_options back; the offering's owner does not.
  const auto provider_owner =
      std::find_if(world.callers.begin(), world.callers.end(),
                   [](const Caller& c) { return c.name == "provider-owner"; });
  ASSERT_NE(provider_owner, world.callers.end());
  for (const auto& [uuid, options] : world.secret_options) {
    const std::string path = "/api/marketplace-provider-offerings/" + uuid + "/";
    const auto as_staff = api().Get(path, staff_token());
    EXPECT_EQ(as_staff.body.value("secret_options", json()), options) << path;
    const auto as_owner = api().Get(path, provider_owner->token);
    EXPECT_EQ(as_owner.status, 200) << as_owner.text;
    EXPECT_FALSE(as_owner.body.contains("secret_options")) << as_owner.text;
    observed.push_back({"staff", "GET " + path, as_staff});
    observed.push_back({provider_owner->name, "GET " + path, as_owner});
  }
  // A deactivated user cannot sign in again with the right password.
  const auto reactivated =
      api().Post("/api-auth/password/",
                 {{"username", "deactivated"}, {"password", world.deactivated_password}});
  EXPECT_EQ(reactivated.status, 400) << reactivated.text;
  observed.push_back({"deactivated user", "POST /api-auth/password/", reactivated});
  // Failed logins: the password typed must not be logged either.
  const std::string wrong =
      "wrong-password-" +
      std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  world.secrets.push_back(wrong);
  const auto failed =
      api().Post("/api-auth/password/", {{"username", "consumer-owner"}, {"password", wrong}});
  EXPECT_EQ(failed.status, 400) << failed.text;
  observed.push_back({"no token", "POST /api-auth/password/", failed});

  // What the store keeps instead of passwords and tokens must not come out either.
  for (const char* sql :
       {"SELECT password_hash FROM users", "SELECT token_hash FROM auth_tokens"}) {
    for (const auto& hash : DatabaseColumn(server().db_url(), sql)) {
      if (!hash.empty()) world.secrets.push_back(hash);
    }
  }
  world.secrets.push_back("$argon2");

  server().Terminate();  // flushes the log
  std::ifstream in(log_path_);
  const std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_GT(log.size(), observed.size() * 20) << "the log has fewer lines than requests";
  for (const std::string& secret : world.secrets) {
    ASSERT_FALSE(secret.empty());
    for (const Observed& seen : observed) {
      EXPECT_EQ(Visible(seen).find(secret), std::string::npos)
          << "a secret (" << secret.substr(0, 12) << "...) in the response to " << seen.request
          << " as " << seen.caller;
    }
    const auto at = log.find(secret);
    if (at == std::string::npos) continue;
    // The line that leaks it, with the secret masked so the test's own output does not repeat it.
    const auto line_start = log.rfind('\n', at) + 1;
    std::string line = log.substr(line_start, log.find('\n', at) - line_start);
    line.replace(at - line_start, secret.size(), "<" + secret.substr(0, 6) + "...>");
    ADD_FAILURE() << "a secret in the log: " << line.substr(0, 400);
  }

  const auto seconds = [](auto from, auto to) {
    return std::chrono::duration<double>(to - from).count();
  };
  const int cells = static_cast<int>(Cases().size() * world.callers.size());
  RecordProperty("routes", static_cast<int>(Cases().size()));
  RecordProperty("callers", static_cast<int>(world.callers.size()));
  RecordProperty("mismatches", mismatches);
  std::printf(
      "[ matrix   ] %s log on %s: %zu routes x %zu callers = %d requests in %.1f s "
      "(world built in %.1f s), %zu secrets checked in %zu responses and %zu bytes of log\n",
      GetParam().c_str(), server().on_postgres() ? "PostgreSQL" : "SQLite", Cases().size(),
      world.callers.size(), cells, seconds(built, matrix_done), seconds(started, built),
      world.secrets.size(), observed.size(), log.size());
}

// Lists show exactly the objects their detail route shows (an object missing from a list but
// readable, or listed but a 404, is a leak or a bug), and available_actions of an executing order
// and its Creating resource are what src/domain allows each caller.
class AuthorizationListsTest : public ApiTest {};

struct Listing {
  std::string path;
  std::string World::*target;
  std::function<bool(const domain::Actor&, const World&)> sees;
};

TEST_F(AuthorizationListsTest, ListsAndAvailableActionsAgreeWithTheRules) {
  const World world = WorldBuilder(api(), staff_token(), kPassword, server().db_url()).Build();
  ASSERT_FALSE(HasFailure()) << "the world could not be built";
  const auto self_or_all = [](const domain::Actor& a, const World& w) {
    return domain::SeesEverything(a) || a.uuid == w.owner_user;
  };
  const std::vector<Listing> listings = {
      {"/api/users/", &World::owner_user, self_or_all},
      {"/api/customers/", &World::consumer,
       [](const domain::Actor& a, const World&) { return SeesCustomer(a, kConsumer); }},
      {"/api/customers/", &World::provider,
       [](const domain::Actor& a, const World&) { return SeesCustomer(a, kProvider); }},
      {"/api/projects/", &World::project,
       [](const domain::Actor& a, const World&) { return SeesProject(a); }},
      {"/api/marketplace-provider-offerings/", &World::support_offering,
       [](const domain::Actor& a, const World&) {
         return SeesProviderOffering(a, kSupportOffering);
       }},
      {"/api/marketplace-provider-offerings/", &World::remote_offering,
       [](const domain::Actor& a, const World&) {
         return SeesProviderOffering(a, kRemoteOffering);
       }},
      // docs/decisions.md: the provider's view plus every shared offering on sale.
      {"/api/marketplace-public-offerings/", &World::support_offering,
       [](const domain::Actor&, const World&) { return true; }},
      {"/api/marketplace-public-offerings/", &World::remote_offering,
       [](const domain::Actor& a, const World&) {
         return SeesProviderOffering(a, kRemoteOffering);
       }},
      {"/api/marketplace-orders/", &World::rejected_order, SeesOrder},
      {"/api/marketplace-resources/", &World::resource, SeesConsumerResource},
      {"/api/marketplace-provider-resources/", &World::resource,
       [](const domain::Actor& a, const World&) { return SeesProviderResource(a); }},
      {"/api/support-issues/", &World::issue, SeesOrder},
  };
  int checks = 0;
  for (const Caller& caller : world.callers) {
    if (!caller.authenticated) continue;
    for (const Listing& listing : listings) {
      const auto response = api().Send("GET", listing.path + "?page_size=300", "", caller.headers);
      ASSERT_EQ(response.status, 200) << listing.path << " as " << caller.name;
      bool listed = false;
      for (const auto& item : response.body)
        listed = listed || item.value("uuid", "") == world.*listing.target;
      EXPECT_EQ(listed, listing.sees(caller.actor, world))
          << listing.path << " as " << caller.name << (listed ? " lists " : " does not list ")
          << world.*listing.target;
      ++checks;
    }

    const domain::Subject subject = world.OrderSubject();
    domain::Order order;
    order.state = domain::OrderState::kExecuting;
    order.project_id = kProject;
    order.offering_id = kSupportOffering;
    order.created_by = world.executing_creator;
    const auto order_json = api().Send(
        "GET", "/api/marketplace-orders/" + world.executing_order + "/", "", caller.headers);
    if (SeesOrder(caller.actor, world)) {
      const domain::OrderFacts facts{
          .order = order, .offering_type = domain::OfferingType::kSupport, .subject = subject};
      EXPECT_EQ(order_json.body.value("available_actions", json::array()),
                json(domain::AvailableOrderActions(caller.actor, facts)))
          << "order as " << caller.name;
      ++checks;
    }
    domain::Resource resource;
    resource.state = domain::ResourceState::kCreating;
    resource.project_id = kProject;
    resource.offering_id = kSupportOffering;
    const domain::ResourceFacts facts{
        .resource = resource, .offering_type = domain::OfferingType::kSupport, .subject = subject};
    for (const auto& [side, visible] : {std::pair{std::string("marketplace-resources"),
                                                  SeesConsumerResource(caller.actor, world)},
                                        std::pair{std::string("marketplace-provider-resources"),
                                                  SeesProviderResource(caller.actor)}}) {
      const auto resource_json = api().Send(
          "GET", "/api/" + side + "/" + world.executing_resource + "/", "", caller.headers);
      EXPECT_EQ(resource_json.status, visible ? 200 : 404) << side << " as " << caller.name;
      if (!visible) continue;
      EXPECT_EQ(resource_json.body.value("available_actions", json::array()),
                json(domain::AvailableResourceActions(caller.actor, facts)))
          << side << " as " << caller.name;
      ++checks;
    }
  }
  std::printf("[ matrix   ] lists and available_actions: %d checks\n", checks);
}

INSTANTIATE_TEST_SUITE_P(LogFormats, AuthorizationMatrixTest, ::testing::Values("json", "text"),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace
}  // namespace orderly::testing::authz
