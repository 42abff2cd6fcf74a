#include "domain/permissions.hpp"

#include <gtest/gtest.h>

#include <set>

namespace orderly::domain {
namespace {

Actor WithRole(Role role, Id scope_id) {
  Actor actor{.user_id = 7};
  actor.roles.push_back({.role = role, .scope_id = scope_id});
  actor.permissions = std::make_shared<const RolePermissions>(DefaultRolePermissions());
  return actor;
}

TEST(ActionRulesTest, EveryActionHasExactlyOneRule) {
  std::set<Action> seen;
  for (const auto& rule : ActionRules()) {
    EXPECT_TRUE(seen.insert(rule.action).second) << rule.name << " appears twice";
    if (!rule.permission.empty()) {
      EXPECT_TRUE(IsKnownPermission(rule.permission)) << rule.permission;
      EXPECT_NE(rule.paths, 0u) << rule.name << " names a permission but no scope path";
    }
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(Action::kRunPeriodicJobs) + 1);
}

TEST(IsAllowedTest, StaffMayDoEverything) {
  Actor staff{.is_staff = true};
  for (const auto& rule : ActionRules())
    EXPECT_TRUE(IsAllowed(staff, rule.action, {})) << rule.name;
}

TEST(IsAllowedTest, SupportChangesNothingEvenWithARole) {
  Actor support = WithRole(Role::kCustomerOwner, 3);
  support.is_support = true;
  EXPECT_FALSE(IsAllowed(support, Action::kCreateProject, {.customer_id = 3}));
}

TEST(IsAllowedTest, OwnerCreatesProjectsOnlyInTheirOrganization) {
  const Actor owner = WithRole(Role::kCustomerOwner, 3);
  EXPECT_TRUE(IsAllowed(owner, Action::kCreateProject, {.customer_id = 3}));
  EXPECT_FALSE(IsAllowed(owner, Action::kCreateProject, {.customer_id = 4}));
}

TEST(IsAllowedTest, ProjectRolesDoNotInheritUpwards) {
  const Actor admin = WithRole(Role::kProjectAdmin, 3);
  EXPECT_FALSE(IsAllowed(admin, Action::kCreateProject, {.customer_id = 3}));
  EXPECT_FALSE(IsAllowed(admin, Action::kManageProjectRoles, {.customer_id = 1, .project_id = 3}));
}

TEST(IsAllowedTest, StaffOnlyActionsRefuseEveryRole) {
  for (const auto& info : Roles()) {
    const Actor actor = WithRole(info.role, 1);
    const Subject everything{
        .customer_id = 1, .project_id = 1, .offering_id = 1, .offering_customer_id = 1};
    EXPECT_FALSE(IsAllowed(actor, Action::kCreateCustomer, everything)) << info.name;
    EXPECT_FALSE(IsAllowed(actor, Action::kUpdateProjectDates, everything)) << info.name;
    EXPECT_FALSE(IsAllowed(actor, Action::kActivateOffering, everything)) << info.name;
  }
}

TEST(IsAllowedTest, OfferingManagerPausesOnlyTheirOffering) {
  const Actor manager = WithRole(Role::kOfferingManager, 9);
  EXPECT_TRUE(
      IsAllowed(manager, Action::kPauseOffering, {.offering_id = 9, .offering_customer_id = 2}));
  EXPECT_FALSE(
      IsAllowed(manager, Action::kPauseOffering, {.offering_id = 8, .offering_customer_id = 2}));
}

TEST(IsAllowedTest, RevokedPermissionNoLongerGrants) {
  Actor owner = WithRole(Role::kCustomerOwner, 3);
  RolePermissions revoked = DefaultRolePermissions();
  revoked[Role::kCustomerOwner].erase("PROJECT.CREATE");
  owner.permissions = std::make_shared<const RolePermissions>(std::move(revoked));
  EXPECT_FALSE(IsAllowed(owner, Action::kCreateProject, {.customer_id = 3}));
}

TEST(MaySeeTest, AnOrderIsSeenFromEitherSideOrByStaffAndSupport) {
  const Subject order{
      .customer_id = 1, .project_id = 10, .offering_id = 20, .offering_customer_id = 2};
  EXPECT_TRUE(MaySee(WithRole(Role::kProjectMember, 10), OrderListRule(), order));
  EXPECT_TRUE(MaySee(WithRole(Role::kCustomerOwner, 2), OrderListRule(), order));
  EXPECT_TRUE(MaySee(WithRole(Role::kOfferingManager, 20), OrderListRule(), order));
  EXPECT_FALSE(MaySee(WithRole(Role::kProjectMember, 11), OrderListRule(), order));
  EXPECT_FALSE(MaySee(Actor{.user_id = 7}, OrderListRule(), order));
  EXPECT_TRUE(MaySee(Actor{.is_support = true}, OrderListRule(), order));
  EXPECT_TRUE(MaySee(Actor{.is_staff = true}, OrderListRule(), order));
}

TEST(MaySeeTest, ProviderRolesDoNotSeeConsumerResources) {
  const Subject resource{
      .customer_id = 1, .project_id = 10, .offering_id = 20, .offering_customer_id = 2};
  EXPECT_TRUE(MaySee(WithRole(Role::kCustomerOwner, 1), ConsumerResourceListRule(), resource));
  EXPECT_FALSE(MaySee(WithRole(Role::kOfferingManager, 20), ConsumerResourceListRule(), resource));
}

TEST(SecretsTest, OnlyStaffSeesOfferingSecrets) {
  EXPECT_TRUE(MaySeeOfferingSecrets(Actor{.is_staff = true}));
  EXPECT_FALSE(MaySeeOfferingSecrets(Actor{.is_support = true}));
  EXPECT_FALSE(MaySeeOfferingSecrets(WithRole(Role::kCustomerOwner, 1)));
}

}  // namespace
}  // namespace orderly::domain
