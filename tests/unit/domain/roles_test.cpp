#include "domain/roles.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace orderly::domain {
namespace {

bool Holds(Role role, const std::string& permission) {
  const auto granted = DefaultPermissions(role);
  return std::find(granted.begin(), granted.end(), permission) != granted.end();
}

TEST(RolesTest, SixRolesWithWaldurNamesAndScopes) {
  ASSERT_EQ(Roles().size(), 6u);
  EXPECT_EQ(InfoOf(Role::kCustomerOwner).name, "CUSTOMER.OWNER");
  EXPECT_EQ(InfoOf(Role::kProjectMember).scope, ScopeType::kProject);
  EXPECT_EQ(InfoOf(Role::kOfferingManager).scope, ScopeType::kOffering);
  for (const auto& info : Roles()) EXPECT_EQ(RoleByName(info.name), info.role);
  EXPECT_FALSE(RoleByName("CUSTOMER.SUPPORT").has_value());
}

TEST(RolesTest, DefaultGrantsUseOnlyKnownPermissions) {
  for (const auto& info : Roles()) {
    for (const auto& permission : DefaultPermissions(info.role)) {
      EXPECT_TRUE(IsKnownPermission(permission)) << info.name << " " << permission;
    }
  }
}

// Spec clarification 10 changes two rows of domain.md §6.3.
TEST(RolesTest, ClarificationTenGrants) {
  const auto member = DefaultPermissions(Role::kProjectMember);
  EXPECT_EQ(member, (std::vector<std::string>{"ORDER.LIST", "ORDER.CREATE", "RESOURCE.LIST"}));
  for (const char* permission :
       {"ORDER.LIST", "ORDER.APPROVE", "ORDER.REJECT", "RESOURCE.LIST", "RESOURCE.SET_STATE",
        "RESOURCE.SET_BACKEND_ID", "RESOURCE.SET_BACKEND_METADATA"}) {
    EXPECT_TRUE(Holds(Role::kOfferingManager, permission)) << permission;
  }
}

// domain.md §6.3: project admins and managers cannot approve orders by default.
TEST(RolesTest, ProjectRolesDoNotApprove) {
  for (Role role : {Role::kProjectAdmin, Role::kProjectManager, Role::kProjectMember}) {
    EXPECT_FALSE(Holds(role, "ORDER.APPROVE")) << InfoOf(role).name;
    EXPECT_FALSE(Holds(role, "ORDER.REJECT")) << InfoOf(role).name;
  }
  EXPECT_TRUE(Holds(Role::kCustomerOwner, "ORDER.APPROVE"));
  EXPECT_TRUE(Holds(Role::kCustomerManager, "ORDER.APPROVE"));
}

}  // namespace
}  // namespace orderly::domain
