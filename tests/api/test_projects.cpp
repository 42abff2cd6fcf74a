// Projects: who may create them, start/end dates, who may change what, visibility and filters.
#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

// One organization with an owner, a customer manager and a project holding admin, manager and
// member; a second organization with its own owner.
class ProjectsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    customer_ = MakeCustomer("Acme");
    customer_uuid_ = customer_["uuid"].get<std::string>();
    project_ = MakeProject(customer_uuid_, "Existing");
    project_path_ = "/api/projects/" + project_["uuid"].get<std::string>() + "/";
    owner_ = MakeUser("owner");
    Grant("customers", customer_uuid_, owner_.uuid, "CUSTOMER.OWNER");
  }

  ApiResponse CreateAs(const std::string& token, nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json body = {{"customer", customer_uuid_}, {"name", "New project"}};
    body.update(extra);
    return api().Post("/api/projects/", body, token);
  }

  std::vector<std::string> VisibleNames(const std::string& token, const std::string& query = "") {
    const auto response = api().Get("/api/projects/" + query, token);
    EXPECT_EQ(response.status, 200) << response.text;
    std::vector<std::string> names;
    for (const auto& item : response.body) names.push_back(item.at("name").get<std::string>());
    std::sort(names.begin(), names.end());
    return names;
  }

  nlohmann::json customer_;
  std::string customer_uuid_;
  nlohmann::json project_;
  std::string project_path_;
  TestUser owner_;
};

using Names = std::vector<std::string>;

TEST_F(ProjectsTest, StaffCreatesProjectWithItsFields) {
  const auto response = CreateAs(staff_token(), {{"description", "Research"}});
  ASSERT_EQ(response.status, 201) << response.text;
  const auto& project = response.body;
  EXPECT_EQ(project["name"], "New project");
  EXPECT_EQ(project["description"], "Research");
  EXPECT_EQ(project["customer"], customer_["url"]);
  EXPECT_EQ(project["customer_uuid"], customer_uuid_);
  EXPECT_EQ(project["customer_name"], "Acme");
  EXPECT_TRUE(project["start_date"].is_null());
  EXPECT_TRUE(project["end_date"].is_null());
  EXPECT_EQ(project["uuid"].get<std::string>().size(), 32u);

  const auto fetched =
      api().Get("/api/projects/" + project["uuid"].get<std::string>() + "/", staff_token());
  ASSERT_EQ(fetched.status, 200) << fetched.text;
  EXPECT_EQ(fetched.body, project);
}

TEST_F(ProjectsTest, CustomerOwnerCreatesProject) {
  const auto response = CreateAs(owner_.token);
  ASSERT_EQ(response.status, 201) << response.text;
  EXPECT_EQ(response.body["customer_uuid"], customer_uuid_);
  EXPECT_EQ(VisibleNames(owner_.token), (Names{"Existing", "New project"}));
}

TEST_F(ProjectsTest, ProjectRolesAndCustomerManagerMayNotCreateProjects) {
  const std::vector<std::pair<std::string, std::string>> roles = {
      {"projects", "PROJECT.ADMIN"},
      {"projects", "PROJECT.MANAGER"},
      {"projects", "PROJECT.MEMBER"},
      {"customers", "CUSTOMER.MANAGER"}};
  int n = 0;
  for (const auto& [collection, role] : roles) {
    SCOPED_TRACE(role);
    const auto user = MakeUser("user-" + std::to_string(++n));
    Grant(collection,
          collection == "projects" ? project_["uuid"].get<std::string>() : customer_uuid_,
          user.uuid, role);
    const auto response = CreateAs(user.token);
    EXPECT_EQ(response.status, 403) << response.text;
    EXPECT_TRUE(response.body.contains("detail")) << response.text;
  }
  EXPECT_EQ(VisibleNames(staff_token()), Names{"Existing"});
}

// An organization the caller has no role in is not visible to them, so naming it in the body is
// an invalid reference (400 on `customer`, as Waldur's serializers filter related fields by
// visibility), not a 403: a 403 would confirm that the organization exists. That holds for an
// unrelated user and for the owner of another organization alike.
TEST_F(ProjectsTest, UsersWhoCannotSeeTheCustomerGet400NamingCustomer) {
  const auto other = MakeCustomer("Other");
  const auto other_owner = MakeUser("other-owner");
  Grant("customers", other["uuid"], other_owner.uuid, "CUSTOMER.OWNER");
  const auto unrelated = MakeUser("unrelated");
  for (const auto* user : {&other_owner, &unrelated}) {
    SCOPED_TRACE(user->username);
    const auto response = CreateAs(user->token);
    ASSERT_EQ(response.status, 400) << response.text;
    EXPECT_TRUE(response.body.contains("customer")) << response.text;
  }
  // The other owner may of course create projects in their own organization.
  EXPECT_EQ(api()
                .Post("/api/projects/", {{"customer", other["url"]}, {"name", "Theirs"}},
                      other_owner.token)
                .status,
            201);
  EXPECT_EQ(VisibleNames(staff_token(), "?customer_uuid=" + customer_uuid_), Names{"Existing"});
}

TEST_F(ProjectsTest, CreateWithDates) {
  const auto response =
      CreateAs(owner_.token, {{"start_date", "2030-01-01"}, {"end_date", "2030-12-31"}});
  ASSERT_EQ(response.status, 201) << response.text;
  EXPECT_EQ(response.body["start_date"], "2030-01-01");
  EXPECT_EQ(response.body["end_date"], "2030-12-31");
  // A one-day project is allowed.
  EXPECT_EQ(
      CreateAs(owner_.token, {{"start_date", "2030-05-05"}, {"end_date", "2030-05-05"}}).status,
      201);
}

TEST_F(ProjectsTest, BadDatesAre400NamingTheField) {
  for (const std::string bad : {"tomorrow", "2030-13-01", "2030-02-30", "2030-1-1", "01.01.2030"}) {
    SCOPED_TRACE(bad);
    const auto start = CreateAs(staff_token(), {{"start_date", bad}});
    ASSERT_EQ(start.status, 400) << start.text;
    EXPECT_TRUE(start.body.contains("start_date")) << start.text;
    const auto end = CreateAs(staff_token(), {{"end_date", bad}});
    ASSERT_EQ(end.status, 400) << end.text;
    EXPECT_TRUE(end.body.contains("end_date")) << end.text;
  }
  const auto typed = CreateAs(staff_token(), {{"end_date", 20300101}});
  ASSERT_EQ(typed.status, 400) << typed.text;
  EXPECT_TRUE(typed.body.contains("end_date")) << typed.text;
  EXPECT_EQ(CreateAs(staff_token(), {{"start_date", "2032-02-29"}}).status, 201);  // leap day
}

TEST_F(ProjectsTest, EndBeforeStartIs400) {
  const auto response =
      CreateAs(staff_token(), {{"start_date", "2030-06-01"}, {"end_date", "2030-05-31"}});
  ASSERT_EQ(response.status, 400) << response.text;
  EXPECT_TRUE(response.body.contains("end_date")) << response.text;
  EXPECT_EQ(VisibleNames(staff_token()), Names{"Existing"});
}

TEST_F(ProjectsTest, OnlyStaffChangesDatesButOwnerMayRename) {
  const auto dates = api().Patch(project_path_, {{"end_date", "2031-01-01"}}, owner_.token);
  EXPECT_EQ(dates.status, 403) << dates.text;
  // A rename that also touches dates is refused whole.
  const auto mixed =
      api().Patch(project_path_, {{"name", "Sneaky"}, {"start_date", "2030-01-01"}}, owner_.token);
  EXPECT_EQ(mixed.status, 403) << mixed.text;
  EXPECT_EQ(api().Get(project_path_, owner_.token).body["name"], "Existing");

  const auto renamed =
      api().Patch(project_path_, {{"name", "Renamed"}, {"description", "d"}}, owner_.token);
  ASSERT_EQ(renamed.status, 200) << renamed.text;
  EXPECT_EQ(renamed.body["name"], "Renamed");
  EXPECT_EQ(renamed.body["description"], "d");
  EXPECT_TRUE(renamed.body["end_date"].is_null());

  const auto by_staff = api().Patch(
      project_path_, {{"start_date", "2030-01-01"}, {"end_date", "2031-01-01"}}, staff_token());
  ASSERT_EQ(by_staff.status, 200) << by_staff.text;
  EXPECT_EQ(by_staff.body["start_date"], "2030-01-01");
  EXPECT_EQ(by_staff.body["end_date"], "2031-01-01");
  EXPECT_EQ(by_staff.body["name"], "Renamed");
  // Staff may set any dates, past ones included (spec clarification 3).
  EXPECT_EQ(api()
                .Patch(project_path_, {{"end_date", "2001-01-01"}, {"start_date", nullptr}},
                       staff_token())
                .status,
            200);
}

TEST_F(ProjectsTest, ProjectRolesMayNotChangeTheProject) {
  const auto admin = MakeUser("admin-user");
  Grant("projects", project_["uuid"], admin.uuid, "PROJECT.ADMIN");
  const auto support = MakeUser("support", {{"is_support", true}});
  EXPECT_EQ(api().Patch(project_path_, {{"name", "Mine"}}, admin.token).status, 403);
  EXPECT_EQ(api().Patch(project_path_, {{"name", "Mine"}}, support.token).status, 403);
  EXPECT_EQ(api().Get(project_path_, staff_token()).body["name"], "Existing");
}

TEST_F(ProjectsTest, NullClearsADateAndChangesAreCheckedTogether) {
  ASSERT_EQ(api()
                .Patch(project_path_, {{"start_date", "2030-01-01"}, {"end_date", "2030-12-31"}},
                       staff_token())
                .status,
            200);
  // An end before the stored start is refused even when only the end is sent.
  const auto before = api().Patch(project_path_, {{"end_date", "2029-12-31"}}, staff_token());
  ASSERT_EQ(before.status, 400) << before.text;
  EXPECT_TRUE(before.body.contains("end_date")) << before.text;

  const auto cleared = api().Patch(project_path_, {{"end_date", nullptr}}, staff_token());
  ASSERT_EQ(cleared.status, 200) << cleared.text;
  EXPECT_TRUE(cleared.body["end_date"].is_null());
  EXPECT_EQ(cleared.body["start_date"], "2030-01-01");
  const auto fetched = api().Get(project_path_, staff_token());
  EXPECT_TRUE(fetched.body["end_date"].is_null());
  EXPECT_EQ(fetched.body["start_date"], "2030-01-01");
  // A date omitted from the body is left alone.
  EXPECT_EQ(api().Patch(project_path_, {{"name", "Kept"}}, staff_token()).body["start_date"],
            "2030-01-01");
}

TEST_F(ProjectsTest, VisibilityFollowsRoles) {
  MakeProject(customer_uuid_, "Second");
  const auto other = MakeCustomer("Other");
  const auto foreign = MakeProject(other["uuid"], "Foreign");
  const auto admin = MakeUser("admin-user");
  Grant("projects", project_["uuid"], admin.uuid, "PROJECT.ADMIN");
  const auto manager = MakeUser("customer-manager");
  Grant("customers", customer_uuid_, manager.uuid, "CUSTOMER.MANAGER");
  const auto support = MakeUser("support", {{"is_support", true}});
  const auto nobody = MakeUser("nobody");

  EXPECT_EQ(VisibleNames(admin.token), Names{"Existing"});
  EXPECT_EQ(VisibleNames(owner_.token), (Names{"Existing", "Second"}));
  EXPECT_EQ(VisibleNames(manager.token), (Names{"Existing", "Second"}));
  EXPECT_EQ(VisibleNames(support.token), (Names{"Existing", "Foreign", "Second"}));
  EXPECT_EQ(VisibleNames(nobody.token), Names{});

  const std::string foreign_path = "/api/projects/" + foreign["uuid"].get<std::string>() + "/";
  EXPECT_EQ(api().Get(project_path_, admin.token).status, 200);
  EXPECT_EQ(api().Get(foreign_path, admin.token).status, 404);
  EXPECT_EQ(api().Get(foreign_path, owner_.token).status, 404);
  EXPECT_EQ(api().Get(foreign_path, support.token).status, 200);
}

TEST_F(ProjectsTest, FilterByCustomerUuid) {
  const auto other = MakeCustomer("Other");
  MakeProject(other["uuid"], "Foreign");
  EXPECT_EQ(VisibleNames(staff_token(), "?customer_uuid=" + customer_uuid_), Names{"Existing"});
  EXPECT_EQ(VisibleNames(staff_token(), "?customer_uuid=" + other["uuid"].get<std::string>()),
            Names{"Foreign"});
  EXPECT_EQ(VisibleNames(staff_token(), "?customer_uuid=0123456789abcdef0123456789abcdef"),
            Names{});
  const auto counted = api().Get("/api/projects/?customer_uuid=" + customer_uuid_, staff_token());
  EXPECT_EQ(counted.Header("X-Result-Count"), "1");
  // The filter narrows what the caller sees; it never widens it.
  EXPECT_EQ(VisibleNames(owner_.token, "?customer_uuid=" + other["uuid"].get<std::string>()),
            Names{});
  const auto bad = api().Get("/api/projects/?customer_uuid=nonsense", staff_token());
  ASSERT_EQ(bad.status, 400) << bad.text;
  EXPECT_TRUE(bad.body.contains("customer_uuid")) << bad.text;
}

}  // namespace
}  // namespace orderly::testing
