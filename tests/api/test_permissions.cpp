// A compact role matrix: who may create a project in an organization, add a user to it, and
// activate one of its offerings. Expected statuses follow the rule tables (src/domain/
// permissions.cpp, default grants in src/domain/roles.cpp) and the spec's check order:
// 401 without a token, 404 when the caller cannot see the object, then 403.
#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

enum class Who {
  kStaff,
  kSupport,
  kCustomerOwner,
  kCustomerManager,
  kProjectAdmin,
  kProjectManager,
  kProjectMember,
  kOfferingManager,
  kUnrelated,
  kNoToken,
};

struct Row {
  Who who;
  const char* label;
  int create_project;  // POST /api/projects/ {customer: org}
  int add_user;        // POST /api/customers/{org}/add_user/
  int activate;        // POST /api/marketplace-provider-offerings/{offering}/activate/
};

// Notes on the cells that are neither 2xx nor 403:
// - the unrelated user cannot see the organization, so naming it in a project body is an invalid
//   reference (400), and its add_user path is not found (404);
// - project roles and the unrelated user do not reach the provider's view of an offering (404);
// - OFFERING.ACTIVATE is held by no role by default, so only staff activate.
// clang-format off
constexpr Row kMatrix[] = {
    // who                  label               project add_user activate
    {Who::kStaff,           "staff",            201,    201,     200},
    {Who::kSupport,         "support",          403,    403,     403},
    {Who::kCustomerOwner,   "customer owner",   201,    201,     403},
    {Who::kCustomerManager, "customer manager", 403,    403,     403},
    {Who::kProjectAdmin,    "project admin",    403,    403,     404},
    {Who::kProjectManager,  "project manager",  403,    403,     404},
    {Who::kProjectMember,   "project member",   403,    403,     404},
    {Who::kOfferingManager, "offering manager", 403,    403,     403},
    {Who::kUnrelated,       "unrelated user",   400,    404,     404},
    {Who::kNoToken,         "no token",         401,    401,     401},
};
// clang-format on

class PermissionMatrixTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    org_uuid_ = MakeCustomer("Org")["uuid"].get<std::string>();
    MakeProvider(org_uuid_);
    const auto project_uuid = MakeProject(org_uuid_, "Project")["uuid"].get<std::string>();
    offering_uuid_ = MakeOffering(org_uuid_)["uuid"].get<std::string>();

    tokens_[Who::kStaff] = staff_token();
    tokens_[Who::kSupport] = MakeUser("support", {{"is_support", true}}).token;
    tokens_[Who::kCustomerOwner] =
        MakeRoleHolder("owner", "customers", org_uuid_, "CUSTOMER.OWNER");
    tokens_[Who::kCustomerManager] =
        MakeRoleHolder("manager", "customers", org_uuid_, "CUSTOMER.MANAGER");
    tokens_[Who::kProjectAdmin] =
        MakeRoleHolder("project-admin", "projects", project_uuid, "PROJECT.ADMIN");
    tokens_[Who::kProjectManager] =
        MakeRoleHolder("pm", "projects", project_uuid, "PROJECT.MANAGER");
    tokens_[Who::kProjectMember] =
        MakeRoleHolder("member", "projects", project_uuid, "PROJECT.MEMBER");
    tokens_[Who::kOfferingManager] =
        MakeRoleHolder("om", "marketplace-provider-offerings", offering_uuid_, "OFFERING.MANAGER");
    tokens_[Who::kUnrelated] = MakeUser("unrelated").token;
    tokens_[Who::kNoToken] = "";
  }

  std::string MakeRoleHolder(const std::string& username, const std::string& collection,
                             const std::string& scope_uuid, const std::string& role) {
    const auto user = MakeUser(username);
    Grant(collection, scope_uuid, user.uuid, role);
    return user.token;
  }

  // A user nobody has granted anything yet, to be added by the caller.
  std::string NewTarget() {
    const auto response =
        api().Post("/api/users/",
                   {{"username", "target-" + std::to_string(++targets_)}, {"password", kPassword}},
                   staff_token());
    EXPECT_EQ(response.status, 201) << response.text;
    return response.body["uuid"].get<std::string>();
  }

  std::string org_uuid_;
  std::string offering_uuid_;
  std::map<Who, std::string> tokens_;
  int targets_ = 0;
};

TEST_F(PermissionMatrixTest, CreateProjectInTheOrganization) {
  int created = 0;
  for (const Row& row : kMatrix) {
    const auto response = api().Post(
        "/api/projects/", {{"customer", org_uuid_}, {"name", std::string("By ") + row.label}},
        tokens_[row.who]);
    EXPECT_EQ(response.status, row.create_project) << row.label << ": " << response.text;
    if (response.status == 201) ++created;
  }
  // Only the allowed callers left a project behind (plus the one made in SetUp).
  const auto projects = api().Get("/api/projects/?customer_uuid=" + org_uuid_, staff_token());
  EXPECT_EQ(projects.Header("X-Result-Count"), std::to_string(created + 1));
}

TEST_F(PermissionMatrixTest, AddUserToTheOrganization) {
  for (const Row& row : kMatrix) {
    const std::string target = NewTarget();
    const auto response =
        api().Post("/api/customers/" + org_uuid_ + "/add_user/",
                   {{"user", target}, {"role", "CUSTOMER.MANAGER"}}, tokens_[row.who]);
    EXPECT_EQ(response.status, row.add_user) << row.label << ": " << response.text;
  }
  // Two grants made in SetUp (owner, manager) plus one per allowed caller.
  const auto members = api().Get("/api/customers/" + org_uuid_ + "/list_users/", staff_token());
  int allowed = 0;
  for (const Row& row : kMatrix) allowed += row.add_user == 201 ? 1 : 0;
  EXPECT_EQ(members.body.size(), static_cast<std::size_t>(2 + allowed)) << members.text;
}

TEST_F(PermissionMatrixTest, ActivateAnOfferingOfTheOrganization) {
  const std::string path = "/api/marketplace-provider-offerings/" + offering_uuid_ + "/activate/";
  // Every refusal is tried on the Draft offering before staff activate it.
  for (const Row& row : kMatrix) {
    if (row.who == Who::kStaff) continue;
    const auto response = api().Post(path, nlohmann::json::object(), tokens_[row.who]);
    EXPECT_EQ(response.status, row.activate) << row.label << ": " << response.text;
  }
  const auto offering = "/api/marketplace-provider-offerings/" + offering_uuid_ + "/";
  EXPECT_EQ(api().Get(offering, staff_token()).body["state"], "Draft");
  const Row& staff = kMatrix[0];
  ASSERT_EQ(staff.who, Who::kStaff);
  const auto response = api().Post(path, nlohmann::json::object(), staff_token());
  EXPECT_EQ(response.status, staff.activate) << response.text;
  EXPECT_EQ(api().Get(offering, staff_token()).body["state"], "Active");
}

}  // namespace
}  // namespace orderly::testing
