#include "domain/lifecycle.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/capabilities.hpp"
#include "domain/check.hpp"
#include "domain/routing.hpp"

namespace orderly::domain {
namespace {

using OS = OrderState;
using RS = ResourceState;

// domain.md §1.1-1.3: the stored codes Waldur clients see.
TEST(VocabularyTest, WaldurCodes) {
  EXPECT_EQ(CodeOf(OS::kPendingConsumer), 1);
  EXPECT_EQ(CodeOf(OS::kExecuting), 2);
  EXPECT_EQ(CodeOf(OS::kDone), 3);
  EXPECT_EQ(CodeOf(OS::kErred), 4);
  EXPECT_EQ(CodeOf(OS::kCanceled), 5);
  EXPECT_EQ(CodeOf(OS::kRejected), 6);
  EXPECT_EQ(CodeOf(OS::kPendingProvider), 7);
  EXPECT_EQ(CodeOf(OS::kPendingProject), 8);
  EXPECT_EQ(CodeOf(OS::kPendingStartDate), 9);
  EXPECT_EQ(NameOf(OS::kPendingStartDate), "pending-start-date");
  EXPECT_EQ(CodeOf(RS::kCreating), 1);
  EXPECT_EQ(CodeOf(RS::kTerminated), 6);
  EXPECT_EQ(NameOf(RS::kOk), "OK");
  EXPECT_EQ(CodeOf(OrderType::kTerminate), 3);
  EXPECT_EQ(NameOf(OrderType::kUpdate), "Update");
}

TEST(VocabularyTest, TerminalStates) {
  std::set<OS> terminal;
  for (const auto& entry : OrderStates()) {
    if (IsTerminal(entry.value)) terminal.insert(entry.value);
  }
  EXPECT_EQ(terminal, (std::set<OS>{OS::kDone, OS::kErred, OS::kCanceled, OS::kRejected}));
}

TEST(TablesTest, EveryActionHasOneTransitionAndOnePermission) {
  std::set<OrderAction> orders;
  for (const auto& transition : OrderTransitions())
    EXPECT_TRUE(orders.insert(transition.action).second);
  EXPECT_EQ(orders.size(), static_cast<std::size_t>(OrderAction::kDestroy) + 1);
  std::set<ResourceAction> resources;
  for (const auto& transition : ResourceTransitions())
    EXPECT_TRUE(resources.insert(transition.action).second);
  EXPECT_EQ(resources.size(), static_cast<std::size_t>(ResourceAction::kUpdate) + 1);
  for (OrderAction action : orders) {
    const auto& rule = PermissionFor(action);
    if (!rule.permission.empty()) EXPECT_TRUE(IsKnownPermission(rule.permission)) << NameOf(action);
    EXPECT_EQ(OrderActionByName(NameOf(action)), action);
  }
  for (ResourceAction action : resources) {
    const auto& rule = PermissionFor(action);
    if (!rule.permission.empty()) EXPECT_TRUE(IsKnownPermission(rule.permission)) << NameOf(action);
    EXPECT_EQ(ResourceActionByName(NameOf(action)), action);
  }
}

TEST(CapabilitiesTest, EveryTypeHasOneRow) {
  std::set<OfferingType> types;
  for (const auto& capability : OfferingCapabilities())
    EXPECT_TRUE(types.insert(capability.type).second);
  EXPECT_EQ(types.size(), OfferingTypes().size());
}

// Spec decisions 1-3 and processing.md §6.
TEST(CapabilitiesTest, TypeGatedActions) {
  EXPECT_TRUE(Supports(OfferingType::kBasic, OrderAction::kCancel));
  EXPECT_TRUE(Supports(OfferingType::kSupport, OrderAction::kCancel));
  EXPECT_FALSE(Supports(OfferingType::kSlurm, OrderAction::kCancel));
  EXPECT_FALSE(Supports(OfferingType::kScript, OrderAction::kCancel));
  EXPECT_TRUE(Supports(OfferingType::kSlurm, OrderAction::kSetStateExecuting));
  EXPECT_FALSE(Supports(OfferingType::kBasic, OrderAction::kSetStateExecuting));
  EXPECT_TRUE(Supports(OfferingType::kBasic, OrderAction::kSetStateErred));
  EXPECT_FALSE(Supports(OfferingType::kSupport, OrderAction::kSetStateErred));
  EXPECT_TRUE(Supports(OfferingType::kSupport, OrderAction::kSetStateDone));
  EXPECT_FALSE(Supports(OfferingType::kRancher, OrderAction::kSetStateDone));
  EXPECT_TRUE(Supports(OfferingType::kSlurm, OrderAction::kRetry));
  EXPECT_FALSE(Supports(OfferingType::kOpenStackTenant, OrderAction::kRetry));
  EXPECT_TRUE(Supports(OfferingType::kRemote, OrderAction::kCancelTermination));
  EXPECT_FALSE(Supports(OfferingType::kBasic, OrderAction::kCancelTermination));
  for (const auto& capability : OfferingCapabilities()) {
    EXPECT_TRUE(Supports(capability.type, OrderAction::kApproveByProvider));
    EXPECT_TRUE(Supports(capability.type, OrderAction::kUnlink));
  }
  EXPECT_EQ(NotSupportedMessage(OfferingType::kScript, OrderAction::kRetry),
            "Retry is not supported for offerings of type Marketplace.Script.");
}

// domain.md §3.4.
TEST(CapabilitiesTest, ProviderReview) {
  const nlohmann::json none = nlohmann::json::object();
  EXPECT_TRUE(ProviderReviewNeeded(OfferingType::kBasic, none, true));
  EXPECT_TRUE(ProviderReviewNeeded(OfferingType::kSlurm, none, false));
  EXPECT_FALSE(ProviderReviewNeeded(OfferingType::kSupport, none, false));
  EXPECT_FALSE(ProviderReviewNeeded(OfferingType::kOpenStackTenant, none, false));
  EXPECT_FALSE(ProviderReviewNeeded(OfferingType::kScript, none, false));
  EXPECT_TRUE(ProviderReviewNeeded(OfferingType::kScript,
                                   {{"auto_approve_marketplace_script", false}}, true));
  EXPECT_TRUE(ProviderReviewNeeded(OfferingType::kRemote, none, false));
  EXPECT_FALSE(ProviderReviewNeeded(OfferingType::kRemote, none, true));
  EXPECT_FALSE(
      ProviderReviewNeeded(OfferingType::kRemote, {{"auto_approve_remote_orders", true}}, false));
}

Order OrderOf(OrderType type) { return Order{.type = type}; }
Resource ResourceIn(RS state, std::string backend_id = {}) {
  return Resource{.state = state, .backend_id = std::move(backend_id)};
}

// domain.md §4.2, with decision 6 and clarification 14, row by row.
TEST(ResourceEffectsTest, FollowsTheSpecTable) {
  const auto create = OrderOf(OrderType::kCreate);
  const auto update = OrderOf(OrderType::kUpdate);
  const auto terminate = OrderOf(OrderType::kTerminate);
  auto force = OrderOf(OrderType::kTerminate);
  force.attributes = {{"action", "force_destroy"}};
  using O = OrderOutcome;
  EXPECT_EQ(ResourceStateAfter(O::kCreated, update, ResourceIn(RS::kOk)), RS::kUpdating);
  EXPECT_EQ(ResourceStateAfter(O::kCreated, update, ResourceIn(RS::kErred)), RS::kErred);
  EXPECT_EQ(ResourceStateAfter(O::kCreated, terminate, ResourceIn(RS::kOk)), RS::kTerminating);
  EXPECT_EQ(ResourceStateAfter(O::kCreated, terminate, ResourceIn(RS::kErred)), RS::kErred);
  EXPECT_EQ(ResourceStateAfter(O::kDone, create, ResourceIn(RS::kCreating)), RS::kOk);
  EXPECT_EQ(ResourceStateAfter(O::kDone, update, ResourceIn(RS::kUpdating)), RS::kOk);
  EXPECT_EQ(ResourceStateAfter(O::kDone, terminate, ResourceIn(RS::kTerminating)), RS::kTerminated);
  EXPECT_EQ(ResourceStateAfter(O::kProcessorFailed, create, ResourceIn(RS::kCreating)), RS::kErred);
  EXPECT_EQ(ResourceStateAfter(O::kMarkedErred, create, ResourceIn(RS::kCreating)),
            RS::kTerminated);
  EXPECT_EQ(ResourceStateAfter(O::kMarkedErred, create, ResourceIn(RS::kCreating, "vm-1")),
            RS::kErred);
  EXPECT_EQ(ResourceStateAfter(O::kMarkedErred, update, ResourceIn(RS::kUpdating)), RS::kErred);
  EXPECT_EQ(ResourceStateAfter(O::kMarkedErred, terminate, ResourceIn(RS::kTerminating)), RS::kOk);
  EXPECT_EQ(ResourceStateAfter(O::kProcessorFailed, terminate, ResourceIn(RS::kTerminating)),
            RS::kErred);
  EXPECT_EQ(ResourceStateAfter(O::kProcessorFailed, force, ResourceIn(RS::kTerminating)),
            RS::kTerminated);
  EXPECT_EQ(ResourceStateAfter(O::kMarkedErred, force, ResourceIn(RS::kTerminating)),
            RS::kTerminated);
  EXPECT_EQ(ResourceStateAfter(O::kRejected, create, ResourceIn(RS::kCreating)), RS::kTerminated);
  EXPECT_EQ(ResourceStateAfter(O::kCanceled, create, ResourceIn(RS::kCreating)), RS::kTerminated);
  EXPECT_EQ(ResourceStateAfter(O::kCanceled, update, ResourceIn(RS::kUpdating)), RS::kOk);
  EXPECT_EQ(ResourceStateAfter(O::kRejected, terminate, ResourceIn(RS::kTerminating)), RS::kOk);
  EXPECT_EQ(ResourceStateAfter(O::kCanceled, terminate, ResourceIn(RS::kErred)), RS::kOk);
  EXPECT_EQ(ResourceStateAfter(O::kRetried, create, ResourceIn(RS::kErred)), RS::kCreating);
  EXPECT_EQ(ResourceStateAfter(O::kRetried, update, ResourceIn(RS::kErred)), RS::kUpdating);
  EXPECT_EQ(ResourceStateAfter(O::kRetried, terminate, ResourceIn(RS::kOk)), RS::kTerminating);
}

TEST(ResourceEffectsTest, RetryOfCreateNeedsAFailedResource) {
  const auto create = OrderOf(OrderType::kCreate);
  EXPECT_TRUE(RetryAllowedFor(create, RS::kErred));
  EXPECT_TRUE(RetryAllowedFor(create, RS::kTerminated));
  EXPECT_FALSE(RetryAllowedFor(create, RS::kOk));
  EXPECT_TRUE(RetryAllowedFor(OrderOf(OrderType::kUpdate), RS::kOk));
}

// Clarification 4.
TEST(OfferingAcceptsTest, ByOrderType) {
  EXPECT_TRUE(OfferingAccepts(OfferingState::kActive, OrderType::kCreate));
  EXPECT_FALSE(OfferingAccepts(OfferingState::kPaused, OrderType::kCreate));
  EXPECT_TRUE(OfferingAccepts(OfferingState::kPaused, OrderType::kUpdate));
  EXPECT_FALSE(OfferingAccepts(OfferingState::kDraft, OrderType::kUpdate));
  EXPECT_FALSE(OfferingAccepts(OfferingState::kArchived, OrderType::kUpdate));
  EXPECT_TRUE(OfferingAccepts(OfferingState::kArchived, OrderType::kTerminate));
  EXPECT_TRUE(OfferingAccepts(OfferingState::kDraft, OrderType::kTerminate));
}

// §3.5: the project start date wins over the provider review and the order start date.
TEST(RoutingTest, ConsumerApproval) {
  EXPECT_EQ(RouteAfterConsumerApproval({true, true, true}), OS::kPendingProject);
  EXPECT_EQ(RouteAfterConsumerApproval({false, true, true}), OS::kPendingProvider);
  EXPECT_EQ(RouteAfterConsumerApproval({false, false, true}), OS::kPendingStartDate);
  EXPECT_EQ(RouteAfterConsumerApproval({false, false, false}), OS::kExecuting);
  EXPECT_EQ(RouteAfterProviderApproval({false, false, true}), OS::kPendingStartDate);
  EXPECT_EQ(RouteAfterProviderApproval({true, true, false}), OS::kExecuting);
  EXPECT_EQ(RouteWhenProjectStarts({false, true, true}), OS::kPendingProvider);
  EXPECT_EQ(RouteWhenProjectStarts({false, false, true}), OS::kPendingStartDate);
  EXPECT_EQ(RouteWhenProjectStarts({false, false, false}), OS::kExecuting);
}

Actor Holding(Role role, Id scope) {
  Actor actor{.user_id = 5};
  actor.roles.push_back({role, scope});
  actor.permissions = std::make_shared<const RolePermissions>(DefaultRolePermissions());
  return actor;
}

// §3.3, rule by rule.
TEST(RoutingTest, ConsumerReview) {
  const Project project{.id = 10, .customer_id = 1};
  Offering shared{.id = 20, .customer_id = 2, .shared = true, .billable = true};
  EXPECT_FALSE(ConsumerReviewNeeded(Actor{.is_staff = true}, shared, project, OrderType::kCreate));
  EXPECT_FALSE(
      ConsumerReviewNeeded(Holding(Role::kCustomerOwner, 1), shared, project, OrderType::kCreate));
  EXPECT_TRUE(ConsumerReviewNeeded(Holding(Role::kProjectManager, 10), shared, project,
                                   OrderType::kCreate));
  // Rule 4: the provider's owner terminating needs no consumer review.
  EXPECT_FALSE(ConsumerReviewNeeded(Holding(Role::kCustomerOwner, 2), shared, project,
                                    OrderType::kTerminate));
  EXPECT_TRUE(
      ConsumerReviewNeeded(Holding(Role::kCustomerOwner, 2), shared, project, OrderType::kCreate));
  // Rule 5: auto_approve_for_roles.
  Offering listed = shared;
  listed.plugin_options = {{"auto_approve_for_roles", {"PROJECT.MANAGER"}}};
  EXPECT_FALSE(ConsumerReviewNeeded(Holding(Role::kProjectManager, 10), listed, project,
                                    OrderType::kCreate));
  // Rule 2: private offerings ask for ORDER.APPROVE_PRIVATE, which project managers hold.
  Offering secret = shared;
  secret.shared = false;
  secret.billable = false;
  EXPECT_FALSE(ConsumerReviewNeeded(Holding(Role::kProjectManager, 10), secret, project,
                                    OrderType::kCreate));
  EXPECT_TRUE(
      ConsumerReviewNeeded(Holding(Role::kProjectMember, 10), secret, project, OrderType::kCreate));
  // Rule 3: in-house offerings with auto_approve_in_service_provider_projects.
  Offering in_house{.id = 21, .customer_id = 1, .shared = true, .billable = true};
  in_house.plugin_options = {{"auto_approve_in_service_provider_projects", true}};
  EXPECT_FALSE(ConsumerReviewNeeded(Holding(Role::kProjectMember, 10), in_house, project,
                                    OrderType::kCreate));
  in_house.plugin_options["disable_autoapprove"] = true;
  EXPECT_TRUE(ConsumerReviewNeeded(Holding(Role::kProjectMember, 10), in_house, project,
                                   OrderType::kCreate));
}

// Spec README §3: 403, then blocked / expired (400), then state (409), then type (405).
TEST(CheckTest, ErrorsComeInTheSpecOrder) {
  const Order order{.type = OrderType::kCreate, .state = OS::kDone, .project_id = 10};
  const Subject subject{
      .customer_id = 1, .project_id = 10, .offering_id = 20, .offering_customer_id = 2};
  OrderFacts facts{.order = order,
                   .offering_type = OfferingType::kScript,
                   .subject = subject,
                   .customer_blocked = true,
                   .project_expired = true,
                   .project_name = "p"};
  const Actor stranger{.user_id = 9};
  EXPECT_EQ(CheckOrderAction(stranger, OrderAction::kApproveByConsumer, facts)->code(),
            ErrorCode::kForbidden);
  const Actor owner = Holding(Role::kCustomerOwner, 1);
  EXPECT_EQ(CheckOrderAction(owner, OrderAction::kApproveByConsumer, facts)->message(),
            "Blocked organization is not available.");
  facts.customer_blocked = false;
  EXPECT_EQ(CheckOrderAction(owner, OrderAction::kApproveByConsumer, facts)->message(),
            "Project 'p' is expired.");
  facts.project_expired = false;
  EXPECT_EQ(CheckOrderAction(owner, OrderAction::kApproveByConsumer, facts)->code(),
            ErrorCode::kStateConflict);
  EXPECT_EQ(CheckOrderAction(owner, OrderAction::kApproveByConsumer, facts)->message(),
            "Valid states for operation: pending-consumer.");
  const Order executing{.type = OrderType::kCreate, .state = OS::kExecuting};
  OrderFacts running{
      .order = executing, .offering_type = OfferingType::kScript, .subject = subject};
  EXPECT_EQ(CheckOrderAction(owner, OrderAction::kCancel, running)->code(),
            ErrorCode::kNotSupported);
  running.offering_type = OfferingType::kBasic;
  EXPECT_FALSE(CheckOrderAction(owner, OrderAction::kCancel, running));
}

TEST(CheckTest, CancelTerminationIsAConflictOutsideRemoteTerminateOrders) {
  const Order create{.type = OrderType::kCreate, .state = OS::kExecuting};
  const OrderFacts facts{.order = create, .offering_type = OfferingType::kRemote, .subject = {}};
  EXPECT_EQ(
      CheckOrderAction(Actor{.is_staff = true}, OrderAction::kCancelTermination, facts)->code(),
      ErrorCode::kStateConflict);
  const Order terminate{.type = OrderType::kTerminate, .state = OS::kExecuting};
  const OrderFacts remote{
      .order = terminate, .offering_type = OfferingType::kRemote, .subject = {}};
  EXPECT_FALSE(CheckOrderAction(Actor{.is_staff = true}, OrderAction::kCancelTermination, remote));
  const OrderFacts basic{.order = terminate, .offering_type = OfferingType::kBasic, .subject = {}};
  EXPECT_EQ(
      CheckOrderAction(Actor{.is_staff = true}, OrderAction::kCancelTermination, basic)->code(),
      ErrorCode::kStateConflict);
}

TEST(CheckTest, AvailableActionsFollowTheChecks) {
  const Order order{.type = OrderType::kCreate, .state = OS::kPendingProvider};
  const Subject subject{
      .customer_id = 1, .project_id = 10, .offering_id = 20, .offering_customer_id = 2};
  const OrderFacts facts{.order = order, .offering_type = OfferingType::kBasic, .subject = subject};
  EXPECT_EQ(
      AvailableOrderActions(Holding(Role::kCustomerOwner, 2), facts),
      (std::vector<std::string>{"approve_by_provider", "reject_by_provider", "set_state_erred"}));
  EXPECT_EQ(AvailableOrderActions(Holding(Role::kCustomerOwner, 1), facts),
            (std::vector<std::string>{"cancel"}));
  EXPECT_TRUE(AvailableOrderActions(Actor{.is_support = true}, facts).empty());
  const Resource resource{.state = RS::kOk};
  const ResourceFacts resource_facts{
      .resource = resource, .offering_type = OfferingType::kBasic, .subject = subject};
  EXPECT_EQ(AvailableResourceActions(Holding(Role::kCustomerOwner, 1), resource_facts),
            (std::vector<std::string>{"terminate", "switch_plan", "update_limits"}));
  EXPECT_EQ(AvailableResourceActions(Holding(Role::kCustomerOwner, 2), resource_facts),
            (std::vector<std::string>{"terminate", "set_as_ok", "set_as_erred"}));
}

}  // namespace
}  // namespace orderly::domain
