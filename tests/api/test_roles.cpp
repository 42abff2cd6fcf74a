// Roles and their permissions (/api/roles/), and granting roles with add_user / delete_user /
// list_users on customers, projects and offerings.
#include <set>

#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

using Permissions = std::set<std::string>;

::testing::AssertionResult NamesField(const ApiResponse& response, const std::string& field) {
  if (response.status != 400) {
    return ::testing::AssertionFailure() << "status " << response.status << ": " << response.text;
  }
  if (!response.body.is_object() || !response.body.contains(field)) {
    return ::testing::AssertionFailure() << "'" << field << "' not named: " << response.text;
  }
  return ::testing::AssertionSuccess();
}

class RolesTest : public ApiTest {
 protected:
  // GET /api/roles/ as name -> role.
  std::map<std::string, nlohmann::json> RolesByName(const std::string& token) {
    const auto response = api().Get("/api/roles/", token);
    EXPECT_EQ(response.status, 200) << response.text;
    std::map<std::string, nlohmann::json> roles;
    for (const auto& role : response.body) roles[role.at("name").get<std::string>()] = role;
    return roles;
  }

  static Permissions PermissionsOf(const nlohmann::json& role) {
    Permissions permissions;
    for (const auto& item : role.at("permissions")) permissions.insert(item.get<std::string>());
    return permissions;
  }
};

TEST_F(RolesTest, ListsTheSixRolesWithDefaultPermissions) {
  const auto user = MakeUser("anyone");
  const auto roles = RolesByName(user.token);  // any user may read them
  std::vector<std::string> names;
  for (const auto& [name, role] : roles) names.push_back(name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"CUSTOMER.MANAGER", "CUSTOMER.OWNER", "OFFERING.MANAGER",
                                      "PROJECT.ADMIN", "PROJECT.MANAGER", "PROJECT.MEMBER"}));
  for (const auto& [name, role] : roles) {
    EXPECT_EQ(role["uuid"].get<std::string>().size(), 32u) << name;
  }

  // Spec clarification 10.
  EXPECT_EQ(PermissionsOf(roles.at("PROJECT.MEMBER")),
            (Permissions{"ORDER.LIST", "ORDER.CREATE", "RESOURCE.LIST"}));
  const auto offering_manager = PermissionsOf(roles.at("OFFERING.MANAGER"));
  for (const auto* permission :
       {"ORDER.LIST", "ORDER.APPROVE", "ORDER.REJECT", "RESOURCE.LIST", "RESOURCE.SET_STATE",
        "RESOURCE.SET_BACKEND_ID", "RESOURCE.SET_BACKEND_METADATA"}) {
    EXPECT_TRUE(offering_manager.contains(permission)) << "OFFERING.MANAGER lacks " << permission;
  }
  EXPECT_FALSE(offering_manager.contains("ORDER.CREATE"));

  // domain.md §6.3: project admins and managers do not approve; owners do.
  for (const auto* role : {"PROJECT.ADMIN", "PROJECT.MANAGER"}) {
    const auto permissions = PermissionsOf(roles.at(role));
    EXPECT_FALSE(permissions.contains("ORDER.APPROVE")) << role;
    EXPECT_TRUE(permissions.contains("ORDER.CREATE")) << role;
    EXPECT_TRUE(permissions.contains("ORDER.CANCEL")) << role;
  }
  const auto owner = PermissionsOf(roles.at("CUSTOMER.OWNER"));
  for (const auto* permission :
       {"ORDER.APPROVE", "ORDER.CANCEL", "RESOURCE.TERMINATE", "PROJECT.CREATE"}) {
    EXPECT_TRUE(owner.contains(permission)) << "CUSTOMER.OWNER lacks " << permission;
  }
  EXPECT_EQ(PermissionsOf(roles.at("CUSTOMER.MANAGER")).count("ORDER.APPROVE"), 1u);
  EXPECT_EQ(api().Get("/api/roles/").status, 401);
}

TEST_F(RolesTest, RoleListIsAPaginatedList) {
  const auto all = api().Get("/api/roles/", staff_token());
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_EQ(all.Header("X-Result-Count"), "6");
  EXPECT_NE(all.Header("Link").find("rel=\"first\""), std::string::npos) << all.Header("Link");
  EXPECT_EQ(all.body[0]["name"], "CUSTOMER.MANAGER");  // by name unless asked otherwise

  const auto page = api().Get("/api/roles/?page_size=4&page=2&o=-name", staff_token());
  ASSERT_EQ(page.status, 200) << page.text;
  ASSERT_EQ(page.body.size(), 2u) << page.text;
  EXPECT_EQ(page.body[0]["name"], "CUSTOMER.OWNER");
  EXPECT_EQ(page.body[1]["name"], "CUSTOMER.MANAGER");
  EXPECT_EQ(page.Header("X-Result-Count"), "6");
  EXPECT_NE(page.Header("Link").find("rel=\"prev\""), std::string::npos) << page.Header("Link");

  const auto bad = api().Get("/api/roles/?o=permissions", staff_token());
  ASSERT_EQ(bad.status, 400) << bad.text;
  EXPECT_TRUE(bad.body.contains("o")) << bad.text;
}

TEST_F(RolesTest, StaffReplacesARolesPermissions) {
  const auto member = RolesByName(staff_token()).at("PROJECT.MEMBER");
  const std::string path = "/api/roles/" + member["uuid"].get<std::string>() + "/";
  const auto response = api().Put(
      path, {{"permissions", {"RESOURCE.LIST", "ORDER.LIST", "ORDER.LIST"}}}, staff_token());
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(response.body["name"], "PROJECT.MEMBER");
  EXPECT_EQ(PermissionsOf(response.body), (Permissions{"ORDER.LIST", "RESOURCE.LIST"}));

  // Persisted: both the single role and the list show the new grants.
  EXPECT_EQ(PermissionsOf(api().Get(path, staff_token()).body),
            (Permissions{"ORDER.LIST", "RESOURCE.LIST"}));
  EXPECT_EQ(PermissionsOf(RolesByName(staff_token()).at("PROJECT.MEMBER")),
            (Permissions{"ORDER.LIST", "RESOURCE.LIST"}));
  // Other roles are untouched.
  EXPECT_TRUE(
      PermissionsOf(RolesByName(staff_token()).at("PROJECT.ADMIN")).contains("ORDER.CREATE"));

  // An empty list is a valid replacement.
  const auto emptied = api().Put(path, {{"permissions", nlohmann::json::array()}}, staff_token());
  ASSERT_EQ(emptied.status, 200) << emptied.text;
  EXPECT_TRUE(emptied.body["permissions"].empty());
}

TEST_F(RolesTest, OnlyStaffReplacesPermissions) {
  const auto customer = MakeCustomer("Acme");
  const auto owner = MakeUser("owner");
  Grant("customers", customer["uuid"], owner.uuid, "CUSTOMER.OWNER");
  const auto support = MakeUser("support", {{"is_support", true}});
  const auto role = RolesByName(staff_token()).at("CUSTOMER.OWNER");
  const std::string path = "/api/roles/" + role["uuid"].get<std::string>() + "/";
  const nlohmann::json body = {{"permissions", {"ORDER.LIST"}}};
  EXPECT_EQ(api().Put(path, body, owner.token).status, 403);
  EXPECT_EQ(api().Put(path, body, support.token).status, 403);
  EXPECT_EQ(api().Put(path, body).status, 401);
  EXPECT_EQ(PermissionsOf(api().Get(path, staff_token()).body), PermissionsOf(role));
}

TEST_F(RolesTest, InvalidPermissionListsAre400) {
  const auto role = RolesByName(staff_token()).at("PROJECT.ADMIN");
  const std::string path = "/api/roles/" + role["uuid"].get<std::string>() + "/";
  EXPECT_TRUE(
      NamesField(api().Put(path, {{"permissions", {"ORDER.LIST", "ORDER.FLY"}}}, staff_token()),
                 "permissions"));
  EXPECT_TRUE(
      NamesField(api().Put(path, {{"permissions", "ORDER.LIST"}}, staff_token()), "permissions"));
  EXPECT_TRUE(NamesField(api().Put(path, {{"permissions", {1, 2}}}, staff_token()), "permissions"));
  EXPECT_TRUE(NamesField(api().Put(path, nlohmann::json::object(), staff_token()), "permissions"));
  EXPECT_EQ(PermissionsOf(api().Get(path, staff_token()).body), PermissionsOf(role));
  EXPECT_EQ(api()
                .Put("/api/roles/0123456789abcdef0123456789abcdef/",
                     {{"permissions", nlohmann::json::array()}}, staff_token())
                .status,
            404);
}

TEST_F(RolesTest, RemovingProjectCreateFromOwnersForbidsThemToCreateProjects) {
  const auto customer = MakeCustomer("Acme");
  const auto owner = MakeUser("owner");
  Grant("customers", customer["uuid"], owner.uuid, "CUSTOMER.OWNER");
  const nlohmann::json project = {{"customer", customer["uuid"]}, {"name", "P"}};
  ASSERT_EQ(api().Post("/api/projects/", project, owner.token).status, 201);

  const auto role = RolesByName(staff_token()).at("CUSTOMER.OWNER");
  auto permissions = PermissionsOf(role);
  ASSERT_EQ(permissions.erase("PROJECT.CREATE"), 1u);
  const auto put = api().Put("/api/roles/" + role["uuid"].get<std::string>() + "/",
                             {{"permissions", permissions}}, staff_token());
  ASSERT_EQ(put.status, 200) << put.text;

  // The same token, the next request: the new grants apply at once.
  const auto refused = api().Post("/api/projects/", project, owner.token);
  EXPECT_EQ(refused.status, 403) << refused.text;
  EXPECT_EQ(api().Post("/api/projects/", project, staff_token()).status,
            201);  // staff need no role
}

// --- add_user / delete_user / list_users -------------------------------------------------------

// An organization that is a service provider, with an owner, a project and a Draft offering.
class ScopeUsersTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    customer_uuid_ = MakeCustomer("Acme")["uuid"].get<std::string>();
    MakeProvider(customer_uuid_);
    project_uuid_ = MakeProject(customer_uuid_, "P")["uuid"].get<std::string>();
    offering_uuid_ = MakeOffering(customer_uuid_)["uuid"].get<std::string>();
    owner_ = MakeUser("owner");
    Grant("customers", customer_uuid_, owner_.uuid, "CUSTOMER.OWNER");
    target_ = MakeUser("target");
  }

  ApiResponse AddUser(const std::string& collection, const std::string& uuid,
                      const std::string& user_uuid, const std::string& role,
                      const std::string& token) {
    return api().Post("/api/" + collection + "/" + uuid + "/add_user/",
                      {{"user", user_uuid}, {"role", role}}, token);
  }
  ApiResponse DeleteUser(const std::string& collection, const std::string& uuid,
                         const std::string& user_uuid, const std::string& role,
                         const std::string& token) {
    return api().Post("/api/" + collection + "/" + uuid + "/delete_user/",
                      {{"user", user_uuid}, {"role", role}}, token);
  }
  // (username, role) pairs from list_users.
  std::set<std::pair<std::string, std::string>> Members(const std::string& collection,
                                                        const std::string& uuid) {
    const auto response =
        api().Get("/api/" + collection + "/" + uuid + "/list_users/", staff_token());
    EXPECT_EQ(response.status, 200) << response.text;
    std::set<std::pair<std::string, std::string>> members;
    for (const auto& item : response.body) {
      members.emplace(item.at("user_username").get<std::string>(),
                      item.at("role").get<std::string>());
    }
    return members;
  }

  std::string customer_uuid_;
  std::string project_uuid_;
  std::string offering_uuid_;
  TestUser owner_;
  TestUser target_;
};

TEST_F(ScopeUsersTest, StaffGrantsOnEachScope) {
  const auto customer =
      AddUser("customers", customer_uuid_, target_.uuid, "CUSTOMER.MANAGER", staff_token());
  ASSERT_EQ(customer.status, 201) << customer.text;
  EXPECT_EQ(customer.body["user_uuid"], target_.uuid);
  EXPECT_EQ(customer.body["user_username"], "target");
  EXPECT_EQ(customer.body["role"], "CUSTOMER.MANAGER");
  EXPECT_EQ(
      AddUser("projects", project_uuid_, target_.uuid, "PROJECT.MEMBER", staff_token()).status,
      201);
  EXPECT_EQ(AddUser("marketplace-provider-offerings", offering_uuid_, target_.uuid,
                    "OFFERING.MANAGER", staff_token())
                .status,
            201);

  using Pairs = std::set<std::pair<std::string, std::string>>;
  EXPECT_EQ(Members("customers", customer_uuid_),
            (Pairs{{"owner", "CUSTOMER.OWNER"}, {"target", "CUSTOMER.MANAGER"}}));
  EXPECT_EQ(Members("projects", project_uuid_), (Pairs{{"target", "PROJECT.MEMBER"}}));
  EXPECT_EQ(Members("marketplace-provider-offerings", offering_uuid_),
            (Pairs{{"target", "OFFERING.MANAGER"}}));
  // The grant shows in the user's own view.
  const auto me = api().Get("/api/users/me/", target_.token);
  EXPECT_EQ(me.body["roles"].size(), 3u) << me.text;
}

TEST_F(ScopeUsersTest, ListUsersIsAPaginatedList) {
  for (const auto* name : {"u1", "u2", "u3"}) {
    const auto user = MakeUser(name);
    ASSERT_EQ(
        AddUser("customers", customer_uuid_, user.uuid, "CUSTOMER.MANAGER", staff_token()).status,
        201);
  }
  const std::string path = "/api/customers/" + customer_uuid_ + "/list_users/";
  const auto first = api().Get(path + "?page_size=3&o=user_username", staff_token());
  ASSERT_EQ(first.status, 200) << first.text;
  EXPECT_EQ(first.Header("X-Result-Count"), "4");  // the owner and three managers
  ASSERT_EQ(first.body.size(), 3u);
  EXPECT_EQ(first.body[0]["user_username"], "owner");
  EXPECT_EQ(first.body[2]["user_username"], "u2");
  EXPECT_NE(first.Header("Link").find("rel=\"next\""), std::string::npos) << first.Header("Link");
  const auto second = api().Get(path + "?page_size=3&page=2&o=user_username", staff_token());
  ASSERT_EQ(second.body.size(), 1u) << second.text;
  EXPECT_EQ(second.body[0]["user_username"], "u3");
  // By default the oldest grant comes first.
  EXPECT_EQ(api().Get(path, staff_token()).body[0]["user_username"], "owner");
  EXPECT_EQ(api().Get(path + "?o=nope", staff_token()).status, 400);
}

TEST_F(ScopeUsersTest, OwnerGrantsOnTheirOrganizationsScopes) {
  EXPECT_EQ(
      AddUser("customers", customer_uuid_, target_.uuid, "CUSTOMER.OWNER", owner_.token).status,
      201);
  EXPECT_EQ(AddUser("projects", project_uuid_, target_.uuid, "PROJECT.ADMIN", owner_.token).status,
            201);
  EXPECT_EQ(AddUser("marketplace-provider-offerings", offering_uuid_, target_.uuid,
                    "OFFERING.MANAGER", owner_.token)
                .status,
            201);
  // The owner may remove them again.
  EXPECT_EQ(
      DeleteUser("projects", project_uuid_, target_.uuid, "PROJECT.ADMIN", owner_.token).status,
      200);
  EXPECT_TRUE(Members("projects", project_uuid_).empty());
}

TEST_F(ScopeUsersTest, OtherRolesMayNotGrant) {
  const auto manager = MakeUser("customer-manager");
  Grant("customers", customer_uuid_, manager.uuid, "CUSTOMER.MANAGER");
  const auto admin = MakeUser("project-admin");
  Grant("projects", project_uuid_, admin.uuid, "PROJECT.ADMIN");
  const auto offering_manager = MakeUser("offering-manager");
  Grant("marketplace-provider-offerings", offering_uuid_, offering_manager.uuid,
        "OFFERING.MANAGER");
  const auto support = MakeUser("support", {{"is_support", true}});

  for (const auto* user : {&manager, &admin, &offering_manager, &support}) {
    SCOPED_TRACE(user->username);
    EXPECT_EQ(
        AddUser("customers", customer_uuid_, target_.uuid, "CUSTOMER.MANAGER", user->token).status,
        403);
    // An offering role does not reach the organization's projects: not even visible.
    const int on_project = user == &offering_manager ? 404 : 403;
    EXPECT_EQ(
        AddUser("projects", project_uuid_, target_.uuid, "PROJECT.MEMBER", user->token).status,
        on_project);
  }
  EXPECT_EQ(AddUser("marketplace-provider-offerings", offering_uuid_, target_.uuid,
                    "OFFERING.MANAGER", offering_manager.token)
                .status,
            403);
  EXPECT_EQ(AddUser("marketplace-provider-offerings", offering_uuid_, target_.uuid,
                    "OFFERING.MANAGER", manager.token)
                .status,
            403);
  // A project admin may not take an existing grant away either.
  EXPECT_EQ(DeleteUser("projects", project_uuid_, admin.uuid, "PROJECT.ADMIN", admin.token).status,
            403);
  EXPECT_EQ(AddUser("customers", customer_uuid_, target_.uuid, "CUSTOMER.MANAGER", "").status, 401);
  EXPECT_TRUE(api().Get("/api/users/me/", target_.token).body["roles"].empty());
}

TEST_F(ScopeUsersTest, OwnerOfAnotherOrganizationCannotSeeTheScope) {
  const auto other = MakeCustomer("Other");
  const auto other_owner = MakeUser("other-owner");
  Grant("customers", other["uuid"], other_owner.uuid, "CUSTOMER.OWNER");
  EXPECT_EQ(AddUser("customers", customer_uuid_, target_.uuid, "CUSTOMER.OWNER", other_owner.token)
                .status,
            404);
  EXPECT_EQ(
      AddUser("projects", project_uuid_, target_.uuid, "PROJECT.ADMIN", other_owner.token).status,
      404);
  EXPECT_EQ(api().Get("/api/projects/" + project_uuid_ + "/list_users/", other_owner.token).status,
            404);
}

TEST_F(ScopeUsersTest, RoleOfTheWrongScopeIs400NamingRole) {
  EXPECT_TRUE(NamesField(
      AddUser("customers", customer_uuid_, target_.uuid, "PROJECT.ADMIN", staff_token()), "role"));
  EXPECT_TRUE(NamesField(
      AddUser("projects", project_uuid_, target_.uuid, "CUSTOMER.OWNER", staff_token()), "role"));
  EXPECT_TRUE(NamesField(AddUser("marketplace-provider-offerings", offering_uuid_, target_.uuid,
                                 "PROJECT.MEMBER", staff_token()),
                         "role"));
  EXPECT_TRUE(NamesField(
      AddUser("customers", customer_uuid_, target_.uuid, "CUSTOMER.KING", staff_token()), "role"));
  EXPECT_TRUE(NamesField(api().Post("/api/customers/" + customer_uuid_ + "/add_user/",
                                    {{"user", target_.uuid}}, staff_token()),
                         "role"));
  EXPECT_TRUE(api().Get("/api/users/me/", target_.token).body["roles"].empty());
}

TEST_F(ScopeUsersTest, UnknownUserIs400NamingUser) {
  EXPECT_TRUE(NamesField(AddUser("customers", customer_uuid_, "0123456789abcdef0123456789abcdef",
                                 "CUSTOMER.OWNER", staff_token()),
                         "user"));
  EXPECT_TRUE(NamesField(
      AddUser("projects", project_uuid_, "nobody", "PROJECT.ADMIN", staff_token()), "user"));
  // A user may be named by url too.
  const auto by_url = api().Get("/api/users/" + target_.uuid + "/", staff_token()).body["url"];
  EXPECT_EQ(
      AddUser("projects", project_uuid_, by_url.get<std::string>(), "PROJECT.ADMIN", staff_token())
          .status,
      201);
}

TEST_F(ScopeUsersTest, GrantingTwiceIs400) {
  ASSERT_EQ(
      AddUser("projects", project_uuid_, target_.uuid, "PROJECT.MEMBER", staff_token()).status,
      201);
  const auto again =
      AddUser("projects", project_uuid_, target_.uuid, "PROJECT.MEMBER", staff_token());
  EXPECT_EQ(again.status, 400) << again.text;
  // A different role on the same scope is a separate grant.
  EXPECT_EQ(
      AddUser("projects", project_uuid_, target_.uuid, "PROJECT.MANAGER", staff_token()).status,
      201);
  EXPECT_EQ(Members("projects", project_uuid_).size(), 2u);
}

TEST_F(ScopeUsersTest, DeletingARoleNotHeldIs400) {
  const auto response =
      DeleteUser("projects", project_uuid_, target_.uuid, "PROJECT.ADMIN", staff_token());
  EXPECT_EQ(response.status, 400) << response.text;
  ASSERT_EQ(
      AddUser("projects", project_uuid_, target_.uuid, "PROJECT.MEMBER", staff_token()).status,
      201);
  // Holding another role is not holding this one.
  EXPECT_EQ(
      DeleteUser("projects", project_uuid_, target_.uuid, "PROJECT.ADMIN", staff_token()).status,
      400);
  EXPECT_EQ(Members("projects", project_uuid_).size(), 1u);
}

TEST_F(ScopeUsersTest, DeleteUserTakesAccessAway) {
  ASSERT_EQ(AddUser("projects", project_uuid_, target_.uuid, "PROJECT.ADMIN", staff_token()).status,
            201);
  EXPECT_EQ(api().Get("/api/projects/" + project_uuid_ + "/", target_.token).status, 200);
  EXPECT_EQ(api().Get("/api/customers/" + customer_uuid_ + "/", target_.token).status, 200);

  const auto removed =
      DeleteUser("projects", project_uuid_, target_.uuid, "PROJECT.ADMIN", staff_token());
  ASSERT_EQ(removed.status, 200) << removed.text;
  EXPECT_EQ(api().Get("/api/projects/" + project_uuid_ + "/", target_.token).status, 404);
  EXPECT_EQ(api().Get("/api/customers/" + customer_uuid_ + "/", target_.token).status, 404);
  EXPECT_TRUE(api().Get("/api/projects/", target_.token).body.empty());
  EXPECT_TRUE(Members("projects", project_uuid_).empty());
}

TEST_F(ScopeUsersTest, RemovedOwnerLosesTheirPowers) {
  ASSERT_EQ(
      DeleteUser("customers", customer_uuid_, owner_.uuid, "CUSTOMER.OWNER", staff_token()).status,
      200);
  EXPECT_EQ(api()
                .Post("/api/projects/", {{"customer", customer_uuid_}, {"name", "Q"}}, owner_.token)
                .status,
            400);
  EXPECT_EQ(
      AddUser("customers", customer_uuid_, target_.uuid, "CUSTOMER.OWNER", owner_.token).status,
      404);
}

}  // namespace
}  // namespace orderly::testing

namespace orderly::testing {
namespace {

// add_user and delete_user are separate permissions: an owner may be allowed to grant and not to
// revoke.
TEST_F(ScopeUsersTest, DeleteUserNeedsTheDeletePermission) {
  ASSERT_EQ(AddUser("projects", project_uuid_, target_.uuid, "PROJECT.MEMBER", owner_.token).status, 201);
  const auto roles = api().Get("/api/roles/?page_size=50", staff_token());
  std::string owner_role;
  nlohmann::json permissions;
  for (const auto& role : roles.body) {
    if (role["name"] == "CUSTOMER.OWNER") {
      owner_role = role["uuid"];
      for (const auto& permission : role["permissions"]) {
        if (permission != "PROJECT.DELETE_PERMISSION") permissions.push_back(permission);
      }
    }
  }
  ASSERT_EQ(api().Put("/api/roles/" + owner_role + "/", {{"permissions", permissions}}, staff_token()).status, 200);
  EXPECT_EQ(DeleteUser("projects", project_uuid_, target_.uuid, "PROJECT.MEMBER", owner_.token).status, 403);
  EXPECT_EQ(AddUser("projects", project_uuid_, target_.uuid, "PROJECT.ADMIN", owner_.token).status, 201);
  EXPECT_EQ(DeleteUser("projects", project_uuid_, target_.uuid, "PROJECT.MEMBER", staff_token()).status, 200);
}

}  // namespace
}  // namespace orderly::testing
