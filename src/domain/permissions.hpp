#pragma once

#include <span>
#include <string_view>

#include "domain/actor.hpp"
#include "domain/ids.hpp"
#include "domain/lifecycle_actions.hpp"

namespace orderly::domain {

// Everything a user can ask the service to change, apart from order and resource actions.
enum class Action {
  kCreateUser,
  kCreateCustomer,
  kUpdateCustomer,
  kCreateServiceProvider,
  kCreateProject,
  kUpdateProject,
  kUpdateProjectDates,
  kCreateOffering,
  kActivateOffering,
  kPauseOffering,
  kArchiveOffering,
  kManageCustomerRoles,  // add_user
  kManageProjectRoles,
  kManageOfferingRoles,
  kRevokeCustomerRoles,  // delete_user
  kRevokeProjectRoles,
  kRevokeOfferingRoles,
  kUpdateRolePermissions,
  kRunPeriodicJobs,
};

// Where a permission may be held, relative to the object acted on (domain.md §5.0: no inheritance,
// only the listed paths count).
enum ScopePath : unsigned {
  kViaCustomer = 1u << 0,          // the object's organization (a project's customer, ...)
  kViaProject = 1u << 1,           // the project itself
  kViaOffering = 1u << 2,          // the offering itself
  kViaOfferingCustomer = 1u << 3,  // the organization that provides the offering
};

struct ActionRule {
  Action action;
  std::string_view name;
  std::string_view permission;  // empty: staff only
  unsigned paths;               // ScopePath bits
};

std::span<const ActionRule> ActionRules();
const ActionRule& RuleOf(Action action);

// The objects a permission may be held on for one request; 0 where a path does not apply.
struct Subject {
  Id customer_id = 0;
  Id project_id = 0;
  Id offering_id = 0;
  Id offering_customer_id = 0;
};

// Staff pass, support never writes, everyone else needs a role holding the permission on one of
// the rule's scope paths.
bool IsAllowed(const Actor& actor, Action action, const Subject& subject);

// Who may take an order or resource action (domain.md §5.2, §5.3, §6.4 with spec clarification 10).
struct LifecyclePermission {
  std::string_view permission;  // empty: staff only
  unsigned paths;               // ScopePath bits
  bool creator_may = false;     // the order's creator passes too (reject_by_consumer)
};

const LifecyclePermission& PermissionFor(OrderAction action);
const LifecyclePermission& PermissionFor(ResourceAction action);
// Placing a Create order (domain.md §5.1).
const LifecyclePermission& CreateOrderPermission();

// Staff pass; support never writes; the creator where the rule says so; else the permission.
bool MayTake(const Actor& actor, const LifecyclePermission& rule, const Subject& subject,
             Id order_creator = 0);

// Who sees which orders and resources besides staff and support (domain.md §5.2, §5.3): holders
// of the permission on one of the paths.
struct ListRule {
  std::string_view permission;
  unsigned paths;
};
ListRule OrderListRule();
ListRule ConsumerResourceListRule();
// One object's visibility under a list rule, as the store's list query decides it for many.
bool MaySee(const Actor& actor, const ListRule& rule, const Subject& subject);

// Spec clarification 15: error tracebacks are for staff, support and the provider side (a role
// on the offering or its organization); the consumer side sees error messages only.
bool MaySeeErrorTraceback(const Actor& actor, const Subject& subject);

// The helpdesk: whoever sees an issue may comment on it, except support users (read-only);
// its status is set by staff and the provider side (as set_state_done).
inline bool MayCommentOnIssue(const Actor& actor) { return actor.is_staff || !actor.is_support; }
const LifecyclePermission& IssueStatusPermission();

// Offerings' secret_options (credentials, scripts) are shown to staff only.
inline bool MaySeeOfferingSecrets(const Actor& actor) { return actor.is_staff; }

// The same test for a bare permission, for rules that the order tables will reuse.
bool HoldsPermission(const Actor& actor, std::string_view permission, unsigned paths,
                     const Subject& subject);

}  // namespace orderly::domain
