// Organizations (customers): create (staff only), read, visibility by role, blocking, support
// users.
#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

class CustomersTest : public ApiTest {
 protected:
  std::vector<std::string> VisibleNames(const std::string& token) {
    const auto response = api().Get("/api/customers/", token);
    EXPECT_EQ(response.status, 200) << response.text;
    std::vector<std::string> names;
    for (const auto& item : response.body) names.push_back(item.at("name").get<std::string>());
    std::sort(names.begin(), names.end());
    return names;
  }
};

using Names = std::vector<std::string>;

TEST_F(CustomersTest, StaffCreatesCustomer) {
  const auto response =
      api().Post("/api/customers/", {{"name", "Acme"}, {"email", "ops@acme.test"}}, staff_token());
  ASSERT_EQ(response.status, 201) << response.text;
  EXPECT_EQ(response.body["name"], "Acme");
  EXPECT_EQ(response.body["email"], "ops@acme.test");
  EXPECT_EQ(response.body["blocked"], false);
  EXPECT_EQ(response.body["uuid"].get<std::string>().size(), 32u);
  EXPECT_FALSE(response.body["created"].get<std::string>().empty());

  const auto fetched =
      api().Get("/api/customers/" + response.body["uuid"].get<std::string>() + "/", staff_token());
  ASSERT_EQ(fetched.status, 200) << fetched.text;
  EXPECT_EQ(fetched.body, response.body);
}

TEST_F(CustomersTest, OnlyStaffMayCreate) {
  const auto customer = MakeCustomer("Acme");
  const auto owner = MakeUser("owner");
  Grant("customers", customer["uuid"], owner.uuid, "CUSTOMER.OWNER");
  const auto plain = MakeUser("plain");
  for (const auto* token : {&owner.token, &plain.token}) {
    const auto response = api().Post("/api/customers/", {{"name", "Rogue"}}, *token);
    EXPECT_EQ(response.status, 403) << response.text;
    EXPECT_TRUE(response.body.contains("detail"));
  }
  EXPECT_EQ(api().Post("/api/customers/", {{"name", "Rogue"}}).status, 401);
  EXPECT_EQ(VisibleNames(staff_token()), Names{"Acme"});
}

TEST_F(CustomersTest, EmptyNameIs400NamingName) {
  const auto response = api().Post("/api/customers/", {{"name", ""}}, staff_token());
  ASSERT_EQ(response.status, 400) << response.text;
  EXPECT_TRUE(response.body.contains("name")) << response.text;
}

TEST_F(CustomersTest, RoleInOneCustomerShowsThatCustomerOnly) {
  const auto a = MakeCustomer("A");
  const auto b = MakeCustomer("B");
  const auto manager = MakeUser("manager");
  Grant("customers", a["uuid"], manager.uuid, "CUSTOMER.MANAGER");

  EXPECT_EQ(VisibleNames(manager.token), Names{"A"});
  EXPECT_EQ(api().Get("/api/customers/" + a["uuid"].get<std::string>() + "/", manager.token).status,
            200);
  const auto hidden =
      api().Get("/api/customers/" + b["uuid"].get<std::string>() + "/", manager.token);
  EXPECT_EQ(hidden.status, 404) << hidden.text;

  const auto nobody = MakeUser("nobody");
  EXPECT_EQ(VisibleNames(nobody.token), Names{});
  EXPECT_EQ(VisibleNames(staff_token()), (Names{"A", "B"}));
}

TEST_F(CustomersTest, ProjectOrOfferingRoleMakesTheCustomerVisible) {
  const auto a = MakeCustomer("A");
  const auto b = MakeCustomer("B");
  MakeCustomer("C");
  const auto project = MakeProject(a["uuid"], "P");
  MakeProvider(b["uuid"]);
  const auto offering = MakeOffering(b["uuid"]);
  const auto member = MakeUser("member");
  Grant("projects", project["uuid"], member.uuid, "PROJECT.MEMBER");
  const auto offering_manager = MakeUser("offering-manager");
  Grant("marketplace-provider-offerings", offering["uuid"], offering_manager.uuid,
        "OFFERING.MANAGER");

  EXPECT_EQ(VisibleNames(member.token), Names{"A"});
  EXPECT_EQ(api().Get("/api/customers/" + a["uuid"].get<std::string>() + "/", member.token).status,
            200);
  EXPECT_EQ(VisibleNames(offering_manager.token), Names{"B"});
}

TEST_F(CustomersTest, StaffBlocksAndUnblocksCustomer) {
  const auto customer = MakeCustomer("Acme");
  const std::string path = "/api/customers/" + customer["uuid"].get<std::string>() + "/";
  const auto blocked = api().Patch(path, {{"blocked", true}}, staff_token());
  ASSERT_EQ(blocked.status, 200) << blocked.text;
  EXPECT_EQ(blocked.body["blocked"], true);
  EXPECT_EQ(blocked.body["name"], "Acme");  // untouched fields stay
  EXPECT_EQ(api().Get(path, staff_token()).body["blocked"], true);

  const auto renamed = api().Patch(path, {{"name", "Acme Ltd"}, {"blocked", false}}, staff_token());
  ASSERT_EQ(renamed.status, 200) << renamed.text;
  EXPECT_EQ(renamed.body["blocked"], false);
  EXPECT_EQ(api().Get(path, staff_token()).body["name"], "Acme Ltd");
}

TEST_F(CustomersTest, OwnerMayNotBlockOrRenameTheirCustomer) {
  const auto customer = MakeCustomer("Acme");
  const auto owner = MakeUser("owner");
  Grant("customers", customer["uuid"], owner.uuid, "CUSTOMER.OWNER");
  const std::string path = "/api/customers/" + customer["uuid"].get<std::string>() + "/";
  const auto block = api().Patch(path, {{"blocked", true}}, owner.token);
  EXPECT_EQ(block.status, 403) << block.text;
  EXPECT_TRUE(block.body.contains("detail"));
  EXPECT_EQ(api().Patch(path, {{"name", "Mine"}}, owner.token).status, 403);
  const auto unchanged = api().Get(path, owner.token);
  EXPECT_EQ(unchanged.body["blocked"], false);
  EXPECT_EQ(unchanged.body["name"], "Acme");
}

TEST_F(CustomersTest, SupportReadsEverythingButWritesNothing) {
  const auto a = MakeCustomer("A");
  MakeCustomer("B");
  const auto support = MakeUser("support", {{"is_support", true}});
  const auto someone = MakeUser("someone");
  const std::string path = "/api/customers/" + a["uuid"].get<std::string>() + "/";

  EXPECT_EQ(VisibleNames(support.token), (Names{"A", "B"}));
  EXPECT_EQ(api().Get(path, support.token).status, 200);
  EXPECT_EQ(api().Get(path + "list_users/", support.token).status, 200);

  EXPECT_EQ(api().Post("/api/customers/", {{"name", "C"}}, support.token).status, 403);
  EXPECT_EQ(api().Patch(path, {{"blocked", true}}, support.token).status, 403);
  EXPECT_EQ(api()
                .Post(path + "add_user/", {{"user", someone.uuid}, {"role", "CUSTOMER.OWNER"}},
                      support.token)
                .status,
            403);
  EXPECT_EQ(
      api().Post("/api/projects/", {{"customer", a["uuid"]}, {"name", "P"}}, support.token).status,
      403);
  EXPECT_EQ(
      api()
          .Post("/api/marketplace-service-providers/", {{"customer", a["uuid"]}}, support.token)
          .status,
      403);
  EXPECT_EQ(api().Get(path, staff_token()).body["blocked"], false);
  EXPECT_EQ(api().Get("/api/projects/", staff_token()).Header("X-Result-Count"), "0");
}

}  // namespace
}  // namespace orderly::testing
