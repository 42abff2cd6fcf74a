#include "domain/permissions.hpp"

#include <array>

namespace orderly::domain {
namespace {

constexpr std::array<ActionRule, 19> kActionRules{{
    {Action::kCreateUser, "create_user", "", 0},
    {Action::kCreateCustomer, "create_customer", "", 0},
    {Action::kUpdateCustomer, "update_customer", "", 0},
    {Action::kCreateServiceProvider, "create_service_provider", "", 0},
    {Action::kCreateProject, "create_project", "PROJECT.CREATE", kViaCustomer},
    {Action::kUpdateProject, "update_project", "PROJECT.UPDATE", kViaCustomer},
    // Spec README §3: project dates gate ordering, so only staff move them.
    {Action::kUpdateProjectDates, "update_project_dates", "", 0},
    {Action::kCreateOffering, "create_offering", "OFFERING.CREATE", kViaCustomer},
    // New offerings are reviewed by the marketplace's staff before they go on sale.
    {Action::kActivateOffering, "activate", "OFFERING.ACTIVATE",
     kViaOfferingCustomer | kViaOffering},
    {Action::kPauseOffering, "pause", "OFFERING.PAUSE", kViaOfferingCustomer | kViaOffering},
    {Action::kArchiveOffering, "archive", "OFFERING.ARCHIVE", kViaOfferingCustomer | kViaOffering},
    {Action::kManageCustomerRoles, "manage_customer_roles", "CUSTOMER.CREATE_PERMISSION",
     kViaCustomer},
    {Action::kManageProjectRoles, "manage_project_roles", "PROJECT.CREATE_PERMISSION",
     kViaCustomer},
    {Action::kManageOfferingRoles, "manage_offering_roles", "OFFERING.CREATE_PERMISSION",
     kViaOfferingCustomer},
    {Action::kRevokeCustomerRoles, "revoke_customer_roles", "CUSTOMER.DELETE_PERMISSION",
     kViaCustomer},
    {Action::kRevokeProjectRoles, "revoke_project_roles", "PROJECT.DELETE_PERMISSION",
     kViaCustomer},
    {Action::kRevokeOfferingRoles, "revoke_offering_roles", "OFFERING.DELETE_PERMISSION",
     kViaOfferingCustomer},
    {Action::kUpdateRolePermissions, "update_role", "", 0},
    {Action::kRunPeriodicJobs, "run_periodic_jobs", "", 0},
}};

Id ScopeIdFor(ScopePath path, ScopeType held_on, const Subject& subject) {
  switch (path) {
    case kViaCustomer: return held_on == ScopeType::kCustomer ? subject.customer_id : 0;
    case kViaProject: return held_on == ScopeType::kProject ? subject.project_id : 0;
    case kViaOffering: return held_on == ScopeType::kOffering ? subject.offering_id : 0;
    case kViaOfferingCustomer:
      return held_on == ScopeType::kCustomer ? subject.offering_customer_id : 0;
  }
  return 0;
}

constexpr unsigned kConsumerSide = kViaProject | kViaCustomer;
constexpr unsigned kProviderSide = kViaOfferingCustomer | kViaOffering;

struct OrderRule {
  OrderAction action;
  LifecyclePermission rule;
};

constexpr std::array<OrderRule, 14> kOrderRules{{
    {OrderAction::kApproveByConsumer, {"ORDER.APPROVE", kConsumerSide}},
    {OrderAction::kRejectByConsumer, {"ORDER.REJECT", kConsumerSide, true}},
    {OrderAction::kApproveByProvider, {"ORDER.APPROVE", kProviderSide}},
    {OrderAction::kRejectByProvider, {"ORDER.REJECT", kProviderSide}},
    {OrderAction::kCancel, {"ORDER.CANCEL", kConsumerSide}},
    {OrderAction::kSetStateExecuting, {"ORDER.APPROVE", kProviderSide}},
    {OrderAction::kSetStateDone, {"ORDER.APPROVE", kProviderSide}},
    {OrderAction::kSetStateErred, {"ORDER.APPROVE", kProviderSide}},
    {OrderAction::kRetry, {"ORDER.APPROVE", kProviderSide}},
    {OrderAction::kUnlink, {"", 0}},
    {OrderAction::kCancelTermination, {"", 0}},
    {OrderAction::kSetBackendId, {"RESOURCE.SET_BACKEND_ID", kProviderSide}},
    {OrderAction::kUpdate, {"ORDER.APPROVE", kConsumerSide}},
    {OrderAction::kDestroy, {"ORDER.DESTROY", kConsumerSide}},
}};

struct ResourceRule {
  ResourceAction action;
  LifecyclePermission rule;
};

constexpr std::array<ResourceRule, 12> kResourceRules{{
    {ResourceAction::kTerminate, {"RESOURCE.TERMINATE", kConsumerSide | kViaOfferingCustomer}},
    {ResourceAction::kForceDestroy, {"", 0}},
    {ResourceAction::kSwitchPlan, {"RESOURCE.SET_PLAN", kConsumerSide}},
    {ResourceAction::kUpdateLimits, {"RESOURCE.SET_LIMITS", kConsumerSide}},
    {ResourceAction::kSetStateOk, {"RESOURCE.SET_STATE", kProviderSide}},
    {ResourceAction::kSetAsOk, {"RESOURCE.SET_STATE", kProviderSide}},
    {ResourceAction::kSetAsErred, {"RESOURCE.SET_STATE", kProviderSide}},
    {ResourceAction::kUnlink, {"", 0}},
    {ResourceAction::kSetBackendId, {"RESOURCE.SET_BACKEND_ID", kProviderSide}},
    {ResourceAction::kSetLimits, {"RESOURCE.SET_STATE", kProviderSide}},
    {ResourceAction::kSetBackendMetadata, {"RESOURCE.SET_BACKEND_METADATA", kProviderSide}},
    {ResourceAction::kUpdate, {"RESOURCE.UPDATE", kConsumerSide | kProviderSide}},
}};

}  // namespace

const LifecyclePermission& PermissionFor(OrderAction action) {
  for (const auto& row : kOrderRules) {
    if (row.action == action) return row.rule;
  }
  return kOrderRules.front().rule;  // unreachable: permissions_test covers every action
}

const LifecyclePermission& PermissionFor(ResourceAction action) {
  for (const auto& row : kResourceRules) {
    if (row.action == action) return row.rule;
  }
  return kResourceRules.front().rule;  // unreachable: permissions_test covers every action
}

bool MayTake(const Actor& actor, const LifecyclePermission& rule, const Subject& subject,
             Id order_creator) {
  if (BypassesPermissions(actor)) return true;
  if (actor.is_support) return false;
  if (rule.creator_may && order_creator != 0 && order_creator == actor.user_id) return true;
  return HoldsPermission(actor, rule.permission, rule.paths, subject);
}

const LifecyclePermission& CreateOrderPermission() {
  static constexpr LifecyclePermission kRule{"ORDER.CREATE", kConsumerSide};
  return kRule;
}

bool MaySeeErrorTraceback(const Actor& actor, const Subject& subject) {
  if (SeesEverything(actor)) return true;
  for (const HeldRole& held : actor.roles) {
    const ScopeType scope = InfoOf(held.role).scope;
    if (scope == ScopeType::kCustomer && held.scope_id == subject.offering_customer_id) return true;
    if (scope == ScopeType::kOffering && held.scope_id == subject.offering_id) return true;
  }
  return false;
}

const LifecyclePermission& IssueStatusPermission() {
  return PermissionFor(OrderAction::kSetStateDone);
}

bool MaySee(const Actor& actor, const ListRule& rule, const Subject& subject) {
  return SeesEverything(actor) || HoldsPermission(actor, rule.permission, rule.paths, subject);
}

ListRule OrderListRule() { return {"ORDER.LIST", kConsumerSide | kProviderSide}; }
ListRule ConsumerResourceListRule() { return {"RESOURCE.LIST", kConsumerSide}; }

std::span<const ActionRule> ActionRules() { return kActionRules; }

const ActionRule& RuleOf(Action action) {
  for (const auto& rule : kActionRules) {
    if (rule.action == action) return rule;
  }
  return kActionRules.front();  // unreachable: permissions_test checks every Action has a rule
}

bool HoldsPermission(const Actor& actor, std::string_view permission, unsigned paths,
                     const Subject& subject) {
  if (permission.empty() || !actor.permissions) return false;
  const RolePermissions& table = *actor.permissions;
  for (const HeldRole& held : actor.roles) {
    const auto granted = table.find(held.role);
    if (granted == table.end() || !granted->second.contains(permission)) continue;
    const ScopeType held_on = InfoOf(held.role).scope;
    for (ScopePath path : {kViaCustomer, kViaProject, kViaOffering, kViaOfferingCustomer}) {
      if ((paths & path) == 0) continue;
      const Id scope_id = ScopeIdFor(path, held_on, subject);
      if (scope_id != 0 && scope_id == held.scope_id) return true;
    }
  }
  return false;
}

bool IsAllowed(const Actor& actor, Action action, const Subject& subject) {
  if (actor.is_staff) return true;
  if (actor.is_support) return false;  // spec clarification 11: support changes nothing
  const ActionRule& rule = RuleOf(action);
  return HoldsPermission(actor, rule.permission, rule.paths, subject);
}

}  // namespace orderly::domain
