// Service providers, offerings (create, state machine, secrets, public catalogue) and plans.
#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

constexpr const char* kOfferings = "/api/marketplace-provider-offerings/";

::testing::AssertionResult NamesField(const ApiResponse& response, const std::string& field) {
  if (response.status != 400) {
    return ::testing::AssertionFailure() << "status " << response.status << ": " << response.text;
  }
  if (!response.body.is_object() || !response.body.contains(field)) {
    return ::testing::AssertionFailure() << "'" << field << "' not named: " << response.text;
  }
  return ::testing::AssertionSuccess();
}

// A provider organization with an owner, and a Draft offering of it.
class OfferingsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    provider_ = MakeCustomer("Provider");
    provider_uuid_ = provider_["uuid"].get<std::string>();
    MakeProvider(provider_uuid_);
    owner_ = MakeUser("provider-owner");
    Grant("customers", provider_uuid_, owner_.uuid, "CUSTOMER.OWNER");
  }

  nlohmann::json OfferingBody(nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json body = {
        {"name", "VM"}, {"customer", provider_uuid_}, {"type", "Marketplace.Basic"}};
    body.update(extra);
    return body;
  }

  std::string PathOf(const nlohmann::json& offering, const std::string& action = "") {
    return kOfferings + offering["uuid"].get<std::string>() + "/" +
           (action.empty() ? "" : action + "/");
  }

  std::string StateOf(const nlohmann::json& offering) {
    return api().Get(PathOf(offering), staff_token()).body["state"].get<std::string>();
  }

  std::vector<std::string> PublicNames(const std::string& token) {
    const auto response = api().Get("/api/marketplace-public-offerings/?page_size=100", token);
    EXPECT_EQ(response.status, 200) << response.text;
    std::vector<std::string> names;
    for (const auto& item : response.body) names.push_back(item.at("name").get<std::string>());
    std::sort(names.begin(), names.end());
    return names;
  }

  nlohmann::json provider_;
  std::string provider_uuid_;
  TestUser owner_;
};

using Names = std::vector<std::string>;

// --- Service providers -----------------------------------------------------------------------

TEST_F(OfferingsTest, StaffRegistersServiceProviderOnce) {
  const auto customer = MakeCustomer("Second");
  const auto created = api().Post("/api/marketplace-service-providers/",
                                  {{"customer", customer["url"]}}, staff_token());
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body["customer_uuid"], customer["uuid"]);
  EXPECT_EQ(created.body["customer_name"], "Second");
  EXPECT_EQ(created.body["customer"], customer["url"]);
  const auto fetched = api().Get(
      "/api/marketplace-service-providers/" + created.body["uuid"].get<std::string>() + "/",
      staff_token());
  ASSERT_EQ(fetched.status, 200) << fetched.text;
  EXPECT_EQ(fetched.body["customer_uuid"], customer["uuid"]);

  EXPECT_TRUE(NamesField(api().Post("/api/marketplace-service-providers/",
                                    {{"customer", customer["uuid"]}}, staff_token()),
                         "customer"));
  EXPECT_EQ(
      api().Get("/api/marketplace-service-providers/", staff_token()).Header("X-Result-Count"),
      "2");
}

TEST_F(OfferingsTest, OnlyStaffRegistersServiceProviders) {
  const auto customer = MakeCustomer("Second");
  const auto second_owner = MakeUser("second-owner");
  Grant("customers", customer["uuid"], second_owner.uuid, "CUSTOMER.OWNER");
  const auto response = api().Post("/api/marketplace-service-providers/",
                                   {{"customer", customer["uuid"]}}, second_owner.token);
  EXPECT_EQ(response.status, 403) << response.text;
  EXPECT_EQ(
      api().Get("/api/marketplace-service-providers/", staff_token()).Header("X-Result-Count"),
      "1");
}

// --- Creating offerings ----------------------------------------------------------------------

TEST_F(OfferingsTest, StaffCreatesDraftOfferingWithComponentsAndPlans) {
  const auto response =
      api().Post(kOfferings,
                 OfferingBody({{"shared", true},
                               {"billable", false},
                               {"backend_id", "vm-1"},
                               {"plugin_options", {{"flavor", "small"}}},
                               {"components",
                                {{{"type", "cpu"},
                                  {"name", "CPU"},
                                  {"measured_unit", "cores"},
                                  {"billing_type", "limit"},
                                  {"min_value", 1},
                                  {"max_value", 64}},
                                 {{"type", "storage"}, {"billing_type", "usage"}}}},
                               {"plans",
                                {{{"name", "Small"}, {"unit_price", "10.50"}, {"max_amount", 3}},
                                 {{"name", "Free"}}}}}),
                 staff_token());
  ASSERT_EQ(response.status, 201) << response.text;
  const auto& offering = response.body;
  EXPECT_EQ(offering["state"], "Draft");
  EXPECT_EQ(offering["type"], "Marketplace.Basic");
  EXPECT_EQ(offering["name"], "VM");
  EXPECT_EQ(offering["customer_uuid"], provider_uuid_);
  EXPECT_EQ(offering["customer_name"], "Provider");
  EXPECT_EQ(offering["shared"], true);
  EXPECT_EQ(offering["billable"], false);
  EXPECT_EQ(offering["backend_id"], "vm-1");
  EXPECT_EQ(offering["plugin_options"], (nlohmann::json{{"flavor", "small"}}));

  ASSERT_EQ(offering["components"].size(), 2u);
  EXPECT_EQ(offering["components"][0]["type"], "cpu");
  EXPECT_EQ(offering["components"][0]["billing_type"], "limit");
  EXPECT_EQ(offering["components"][0]["measured_unit"], "cores");
  EXPECT_EQ(offering["components"][0]["min_value"], 1);
  EXPECT_EQ(offering["components"][0]["max_value"], 64);
  EXPECT_EQ(offering["components"][1]["billing_type"], "usage");
  EXPECT_TRUE(offering["components"][1]["max_value"].is_null());

  ASSERT_EQ(offering["plans"].size(), 2u);
  EXPECT_EQ(offering["plans"][0]["name"], "Small");
  EXPECT_EQ(offering["plans"][0]["unit_price"], "10.50");
  EXPECT_EQ(offering["plans"][0]["max_amount"], 3);
  EXPECT_EQ(offering["plans"][1]["unit_price"], "0");
  EXPECT_TRUE(offering["plans"][1]["max_amount"].is_null());
  EXPECT_EQ(offering["plans"][0]["uuid"].get<std::string>().size(), 32u);

  // What was stored is what was returned.
  EXPECT_EQ(api().Get(PathOf(offering), staff_token()).body, offering);
}

TEST_F(OfferingsTest, ProviderOwnerCreatesDraftOffering) {
  const auto response =
      api().Post(kOfferings, OfferingBody({{"type", "Marketplace.Slurm"}}), owner_.token);
  ASSERT_EQ(response.status, 201) << response.text;
  EXPECT_EQ(response.body["state"], "Draft");
  EXPECT_EQ(response.body["type"], "Marketplace.Slurm");
  EXPECT_EQ(api().Get(PathOf(response.body), owner_.token).status, 200);
}

TEST_F(OfferingsTest, OwnerOfNonProviderOrganizationGets400NamingCustomer) {
  const auto plain = MakeCustomer("Consumer");
  const auto plain_owner = MakeUser("consumer-owner");
  Grant("customers", plain["uuid"], plain_owner.uuid, "CUSTOMER.OWNER");
  const auto response =
      api().Post(kOfferings, OfferingBody({{"customer", plain["uuid"]}}), plain_owner.token);
  EXPECT_TRUE(NamesField(response, "customer"));
  // Staff cannot either: only service-provider organizations offer anything.
  EXPECT_TRUE(
      NamesField(api().Post(kOfferings, OfferingBody({{"customer", plain["uuid"]}}), staff_token()),
                 "customer"));
}

TEST_F(OfferingsTest, ProjectAdminAndCustomerManagerMayNotCreateOfferings) {
  const auto project = MakeProject(provider_uuid_, "Internal");
  const auto admin = MakeUser("project-admin");
  Grant("projects", project["uuid"], admin.uuid, "PROJECT.ADMIN");
  const auto manager = MakeUser("customer-manager");
  Grant("customers", provider_uuid_, manager.uuid, "CUSTOMER.MANAGER");
  for (const auto* user : {&admin, &manager}) {
    SCOPED_TRACE(user->username);
    const auto response = api().Post(kOfferings, OfferingBody(), user->token);
    EXPECT_EQ(response.status, 403) << response.text;
  }
  EXPECT_EQ(api().Get(kOfferings, staff_token()).Header("X-Result-Count"), "0");
}

TEST_F(OfferingsTest, InvalidOfferingFieldsAre400NamingTheField) {
  EXPECT_TRUE(NamesField(
      api().Post(kOfferings, OfferingBody({{"type", "Marketplace.Nope"}}), staff_token()), "type"));
  EXPECT_TRUE(NamesField(
      api().Post(kOfferings,
                 OfferingBody({{"components", {{{"type", "cpu"}, {"billing_type", "monthly"}}}}}),
                 staff_token()),
      "components"));
  EXPECT_TRUE(NamesField(
      api().Post(kOfferings, OfferingBody({{"components", {{{"type", "cpu"}}}}}), staff_token()),
      "components"));
  EXPECT_TRUE(NamesField(api().Post(kOfferings,
                                    OfferingBody({{"components",
                                                   {{{"type", "cpu"},
                                                     {"billing_type", "limit"},
                                                     {"min_value", 10},
                                                     {"max_value", 1}}}}}),
                                    staff_token()),
                         "components"));
  EXPECT_TRUE(NamesField(
      api().Post(kOfferings, OfferingBody({{"plans", {{{"name", "P"}, {"unit_price", "cheap"}}}}}),
                 staff_token()),
      "plans"));
  EXPECT_TRUE(NamesField(
      api().Post(kOfferings, OfferingBody({{"plans", {{{"name", "P"}, {"unit_price", "-1"}}}}}),
                 staff_token()),
      "plans"));
  EXPECT_TRUE(NamesField(
      api().Post(kOfferings, OfferingBody({{"plans", {{{"unit_price", "1"}}}}}), staff_token()),
      "plans"));
  EXPECT_TRUE(
      NamesField(api().Post(kOfferings, OfferingBody({{"plugin_options", "x"}}), staff_token()),
                 "plugin_options"));
  EXPECT_TRUE(
      NamesField(api().Post(kOfferings, OfferingBody({{"name", ""}}), staff_token()), "name"));
  EXPECT_EQ(api().Get(kOfferings, staff_token()).Header("X-Result-Count"), "0");
}

TEST_F(OfferingsTest, PlanUnitPriceAcceptsNumbersAndStrings) {
  const auto response = api().Post(kOfferings,
                                   OfferingBody({{"plans",
                                                  {{{"name", "A"}, {"unit_price", 7}},
                                                   {{"name", "B"}, {"unit_price", "0.25"}}}}}),
                                   staff_token());
  ASSERT_EQ(response.status, 201) << response.text;
  EXPECT_EQ(response.body["plans"][0]["unit_price"], "7");
  EXPECT_EQ(response.body["plans"][1]["unit_price"], "0.25");
}

TEST_F(OfferingsTest, EveryOfferingTypeIsAccepted) {
  for (const std::string type :
       {"Marketplace.Basic", "Support.OfferingTemplate", "Marketplace.Slurm", "Marketplace.Script",
        "Waldur.RemoteOffering", "OpenStack.Tenant", "Marketplace.Rancher"}) {
    const auto response =
        api().Post(kOfferings, OfferingBody({{"type", type}, {"name", type}}), staff_token());
    ASSERT_EQ(response.status, 201) << type << ": " << response.text;
    EXPECT_EQ(response.body["type"], type);
  }
  const auto filtered =
      api().Get(std::string(kOfferings) + "?type=Marketplace.Slurm", staff_token());
  ASSERT_EQ(filtered.body.size(), 1u) << filtered.text;
  EXPECT_EQ(filtered.body[0]["type"], "Marketplace.Slurm");
  EXPECT_TRUE(NamesField(api().Get(std::string(kOfferings) + "?type=Nope", staff_token()), "type"));
}

TEST_F(OfferingsTest, StateFilterTakesNameOrNumericCode) {
  const auto draft = MakeOffering(provider_uuid_);
  const auto active = MakeOffering(provider_uuid_, "Marketplace.Slurm");
  ASSERT_EQ(api().Post(PathOf(active, "activate"), nlohmann::json::object(), staff_token()).status,
            200);
  // domain.md §1.4: 1 Draft, 2 Active, 3 Paused, 4 Archived.
  for (const std::string value : {"Active", "2"}) {
    const auto response = api().Get(std::string(kOfferings) + "?state=" + value, staff_token());
    ASSERT_EQ(response.status, 200) << value << ": " << response.text;
    ASSERT_EQ(response.body.size(), 1u) << value << ": " << response.text;
    EXPECT_EQ(response.body[0]["uuid"], active["uuid"]) << value;
    EXPECT_EQ(response.Header("X-Result-Count"), "1") << value;
  }
  const auto drafts = api().Get(std::string(kOfferings) + "?state=1", staff_token());
  ASSERT_EQ(drafts.body.size(), 1u) << drafts.text;
  EXPECT_EQ(drafts.body[0]["uuid"], draft["uuid"]);
  EXPECT_TRUE(
      NamesField(api().Get(std::string(kOfferings) + "?state=Gone", staff_token()), "state"));
  EXPECT_TRUE(NamesField(api().Get(std::string(kOfferings) + "?state=9", staff_token()), "state"));
}

// --- State machine ---------------------------------------------------------------------------

TEST_F(OfferingsTest, StateMachineActivatePauseArchive) {
  const auto offering = MakeOffering(provider_uuid_);
  ASSERT_EQ(offering["state"], "Draft");

  auto step = [&](const std::string& action, const std::string& expected) {
    const auto response =
        api().Post(PathOf(offering, action), nlohmann::json::object(), staff_token());
    EXPECT_EQ(response.status, 200) << action << ": " << response.text;
    EXPECT_EQ(response.body["state"], expected) << action;
    EXPECT_EQ(StateOf(offering), expected) << action;
  };
  step("activate", "Active");
  step("pause", "Paused");
  step("activate", "Active");
  step("archive", "Archived");

  const auto again =
      api().Post(PathOf(offering, "activate"), nlohmann::json::object(), staff_token());
  ASSERT_EQ(again.status, 409) << again.text;
  EXPECT_NE(again.body["detail"].get<std::string>().find("Valid states for operation"),
            std::string::npos)
      << again.text;
  EXPECT_EQ(StateOf(offering), "Archived");
}

TEST_F(OfferingsTest, WrongStateTransitionsAre409) {
  const auto offering = MakeOffering(provider_uuid_);
  const auto pause_draft =
      api().Post(PathOf(offering, "pause"), nlohmann::json::object(), staff_token());
  ASSERT_EQ(pause_draft.status, 409) << pause_draft.text;
  EXPECT_NE(pause_draft.body["detail"].get<std::string>().find("Active"), std::string::npos)
      << pause_draft.text;
  EXPECT_EQ(StateOf(offering), "Draft");

  ASSERT_EQ(
      api().Post(PathOf(offering, "activate"), nlohmann::json::object(), staff_token()).status,
      200);
  EXPECT_EQ(
      api().Post(PathOf(offering, "activate"), nlohmann::json::object(), staff_token()).status,
      409);
  // A Draft offering may be archived directly.
  const auto draft = MakeOffering(provider_uuid_, "Marketplace.Script");
  EXPECT_EQ(api().Post(PathOf(draft, "archive"), nlohmann::json::object(), staff_token()).status,
            200);
  EXPECT_EQ(api().Post(PathOf(draft, "archive"), nlohmann::json::object(), staff_token()).status,
            409);
}

// permissions.cpp: activate needs OFFERING.ACTIVATE, and roles.cpp grants it to no role by
// default (new offerings are reviewed by staff), so the provider's owner may not activate.
TEST_F(OfferingsTest, ProviderOwnerMayNotActivateByDefault) {
  const auto offering = MakeOffering(provider_uuid_);
  const auto response =
      api().Post(PathOf(offering, "activate"), nlohmann::json::object(), owner_.token);
  EXPECT_EQ(response.status, 403) << response.text;
  EXPECT_EQ(StateOf(offering), "Draft");
}

TEST_F(OfferingsTest, ProviderOwnerAndOfferingManagerPauseAndArchive) {
  const auto first = MakeOffering(provider_uuid_);
  const auto second = MakeOffering(provider_uuid_, "Marketplace.Slurm");
  const auto manager = MakeUser("offering-manager");
  Grant("marketplace-provider-offerings", second["uuid"], manager.uuid, "OFFERING.MANAGER");
  for (const auto* offering : {&first, &second}) {
    ASSERT_EQ(
        api().Post(PathOf(*offering, "activate"), nlohmann::json::object(), staff_token()).status,
        200);
  }

  EXPECT_EQ(
      api().Post(PathOf(first, "pause"), nlohmann::json::object(), owner_.token).body["state"],
      "Paused");
  EXPECT_EQ(
      api().Post(PathOf(first, "archive"), nlohmann::json::object(), owner_.token).body["state"],
      "Archived");

  EXPECT_EQ(
      api().Post(PathOf(second, "pause"), nlohmann::json::object(), manager.token).body["state"],
      "Paused");
  // ... but the offering manager may not activate it again, nor touch an offering not theirs.
  EXPECT_EQ(api().Post(PathOf(second, "activate"), nlohmann::json::object(), manager.token).status,
            403);
  EXPECT_EQ(api().Post(PathOf(first, "archive"), nlohmann::json::object(), manager.token).status,
            404);
  EXPECT_EQ(
      api().Post(PathOf(second, "archive"), nlohmann::json::object(), manager.token).body["state"],
      "Archived");
}

TEST_F(OfferingsTest, OutsidersCannotChangeOfferingState) {
  const auto offering = MakeOffering(provider_uuid_);
  ASSERT_EQ(
      api().Post(PathOf(offering, "activate"), nlohmann::json::object(), staff_token()).status,
      200);
  const auto stranger = MakeUser("stranger");
  const auto support = MakeUser("support", {{"is_support", true}});
  // The stranger sees the offering in the public catalogue, not in the provider's view.
  EXPECT_EQ(api().Post(PathOf(offering, "pause"), nlohmann::json::object(), stranger.token).status,
            404);
  EXPECT_EQ(api().Post(PathOf(offering, "pause"), nlohmann::json::object(), support.token).status,
            403);
  EXPECT_EQ(api().Post(PathOf(offering, "pause"), nlohmann::json::object()).status, 401);
  EXPECT_EQ(StateOf(offering), "Active");
}

// --- Secrets ---------------------------------------------------------------------------------

TEST_F(OfferingsTest, SecretOptionsAreShownToStaffOnly) {
  const auto created = api().Post(
      kOfferings,
      OfferingBody({{"secret_options", {{"token", "s3cr3t"}}}, {"type", "Marketplace.Script"}}),
      owner_.token);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_FALSE(created.body.contains("secret_options")) << created.text;

  const auto by_staff = api().Get(PathOf(created.body), staff_token());
  ASSERT_EQ(by_staff.status, 200);
  EXPECT_EQ(by_staff.body["secret_options"], (nlohmann::json{{"token", "s3cr3t"}}));

  const auto by_owner = api().Get(PathOf(created.body), owner_.token);
  ASSERT_EQ(by_owner.status, 200) << by_owner.text;
  EXPECT_FALSE(by_owner.body.contains("secret_options")) << by_owner.text;
  const auto list = api().Get(kOfferings, owner_.token);
  ASSERT_EQ(list.body.size(), 1u);
  EXPECT_FALSE(list.body[0].contains("secret_options")) << list.text;
  EXPECT_EQ(list.text.find("s3cr3t"), std::string::npos);

  const auto support = MakeUser("support", {{"is_support", true}});
  EXPECT_EQ(api().Get(PathOf(created.body), support.token).text.find("s3cr3t"), std::string::npos);
  ASSERT_EQ(
      api().Post(PathOf(created.body, "activate"), nlohmann::json::object(), staff_token()).status,
      200);
  const auto public_view = api().Get(
      "/api/marketplace-public-offerings/" + created.body["uuid"].get<std::string>() + "/",
      staff_token());
  EXPECT_EQ(public_view.text.find("s3cr3t"), std::string::npos) << public_view.text;
}

// --- Public catalogue and plans --------------------------------------------------------------

TEST_F(OfferingsTest, PublicListShowsActiveSharedOfferingsToAnyone) {
  auto create = [&](const std::string& name, bool shared) {
    const auto response =
        api().Post(kOfferings, OfferingBody({{"name", name}, {"shared", shared}}), staff_token());
    EXPECT_EQ(response.status, 201) << response.text;
    return response.body;
  };
  const auto active = create("Active shared", true);
  create("Draft shared", true);
  const auto unshared = create("Active private", false);
  const auto archived = create("Archived shared", true);
  for (const auto* offering : {&active, &unshared, &archived}) {
    ASSERT_EQ(
        api().Post(PathOf(*offering, "activate"), nlohmann::json::object(), staff_token()).status,
        200);
  }
  ASSERT_EQ(api().Post(PathOf(archived, "archive"), nlohmann::json::object(), staff_token()).status,
            200);

  const auto consumer = MakeUser("consumer");
  EXPECT_EQ(PublicNames(consumer.token), Names{"Active shared"});

  const auto draft_uuid =
      api().Get(std::string(kOfferings) + "?state=Draft", staff_token()).body[0]["uuid"];
  EXPECT_EQ(api()
                .Get("/api/marketplace-public-offerings/" + draft_uuid.get<std::string>() + "/",
                     consumer.token)
                .status,
            404);
  EXPECT_EQ(api().Get(PathOf(active), consumer.token).status, 404);  // not the provider's view
  // The provider's own people see their whole catalogue there.
  EXPECT_EQ(PublicNames(owner_.token).size(), 4u);
  EXPECT_EQ(api().Get("/api/marketplace-public-offerings/").status, 401);
}

TEST_F(OfferingsTest, PublicOfferingListsPlansWithUrlsThatResolve) {
  const auto offering = MakeOffering(provider_uuid_);
  ASSERT_EQ(
      api().Post(PathOf(offering, "activate"), nlohmann::json::object(), staff_token()).status,
      200);
  const auto consumer = MakeUser("consumer");

  const auto response =
      api().Get("/api/marketplace-public-offerings/" + offering["uuid"].get<std::string>() + "/",
                consumer.token);
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(response.body["state"], "Active");
  ASSERT_EQ(response.body["plans"].size(), 1u) << response.text;
  const auto& plan = response.body["plans"][0];
  EXPECT_EQ(plan["name"], "Small");
  EXPECT_EQ(plan["unit_price"], "10.5");
  const auto url = plan["url"].get<std::string>();
  const auto plan_path = url.substr(url.find("/api/"));
  EXPECT_EQ(plan_path, "/api/marketplace-plans/" + plan["uuid"].get<std::string>() + "/");

  const auto fetched = api().Get(plan_path, consumer.token);
  ASSERT_EQ(fetched.status, 200) << fetched.text;
  EXPECT_EQ(fetched.body["uuid"], plan["uuid"]);
  EXPECT_EQ(fetched.body["name"], "Small");
  EXPECT_EQ(fetched.body["unit_price"], "10.5");
}

TEST_F(OfferingsTest, PlansOfHiddenOfferingsAreNotFound) {
  const auto offering = MakeOffering(provider_uuid_);  // Draft: not in the catalogue
  const auto plan_uuid = offering["plans"][0]["uuid"].get<std::string>();
  const auto consumer = MakeUser("consumer");
  EXPECT_EQ(api().Get("/api/marketplace-plans/" + plan_uuid + "/", consumer.token).status, 404);
  EXPECT_EQ(api().Get("/api/marketplace-plans/" + plan_uuid + "/", owner_.token).status, 200);
  EXPECT_EQ(
      api().Get("/api/marketplace-plans/0123456789abcdef0123456789abcdef/", staff_token()).status,
      404);
}

}  // namespace
}  // namespace orderly::testing
