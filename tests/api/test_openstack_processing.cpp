// OpenStack.Tenant end to end (processing.md §9.6): orders go through the HTTP API, the workers
// talk to a fake Keystone/Nova/Neutron/Cinder (tests/fakes) that keeps what it was asked to make.
#include "fake_openstack.hpp"
#include "processing_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

const std::vector<std::string> kTenantLimits = {"cores", "ram", "storage", "network_count"};
const json kLimits = {{"cores", 4}, {"ram", 8192}, {"storage", 20480}, {"network_count", 2}};

class OpenStackTenantTest : public ProcessingTest {
 protected:
  void SetUp() override {
    cloud_.Start();
    ProcessingTest::SetUp();
  }
  void TearDown() override {
    cloud_
        .ClearFaults();  // a worker still waiting on a hung request lets go before the server stops
    ProcessingTest::TearDown();
  }

  json Secrets(const json& overrides = json::object()) const {
    json secrets = {{"backend_url", cloud_.KeystoneUrl()},
                    {"username", "admin"},
                    {"password", "secret"},
                    {"tenant", "admin"},
                    {"domain", "Default"}};
    secrets.update(overrides);
    return secrets;
  }
  std::string Offering(const json& overrides = json::object()) {
    return ActiveOffering("OpenStack.Tenant", Secrets(overrides), kTenantLimits);
  }

  fakes::FakeOpenStack cloud_;
};

TEST_F(OpenStackTenantTest, CreateMakesTheProjectWithQuotasFromTheLimits) {
  const auto order = Created(Offering(), "tenant-a", kLimits);
  ASSERT_EQ(order["state"], "done") << order.dump();
  const auto project = cloud_.ProjectNamed("tenant-a");
  ASSERT_TRUE(project.has_value());
  EXPECT_EQ(order["backend_id"], project->id);
  const auto resource = ResourceOf(order);
  EXPECT_EQ(resource["state"], "OK");
  EXPECT_EQ(resource["backend_id"], project->id);
  EXPECT_EQ(resource["backend_metadata"]["tenant_name"], "tenant-a");
  EXPECT_TRUE(project->tags.contains("orderly-resource-" + resource["uuid"].get<std::string>()));
  EXPECT_EQ(cloud_.ComputeQuota(project->id)["cores"], 4);
  EXPECT_EQ(cloud_.ComputeQuota(project->id)["ram"], 8192);
  EXPECT_EQ(cloud_.VolumeQuota(project->id)["gigabytes"], 20);  // storage MiB -> GiB
  EXPECT_EQ(cloud_.NetworkQuota(project->id)["network"], 2);
  // Every call after authentication carried the token Keystone handed out.
  EXPECT_EQ(cloud_.CountRequests("POST", "/identity/v3/auth/tokens"), 1);
}

TEST_F(OpenStackTenantTest, UpdateSetsTheNewQuotasAndTerminateDeletesTheProject) {
  const auto created = Created(Offering(), "tenant-b", kLimits);
  ASSERT_EQ(created["state"], "done") << created.dump();
  const std::string resource = ResourceOf(created)["uuid"];
  const std::string project_id = created["backend_id"];

  const json bigger = {{"cores", 16}, {"ram", 32768}, {"storage", 102400}, {"network_count", 5}};
  const auto updated = ResourceOrder(resource, "update_limits", {{"limits", bigger}});
  ASSERT_EQ(updated["state"], "done") << updated.dump();
  EXPECT_EQ(cloud_.ComputeQuota(project_id)["cores"], 16);
  EXPECT_EQ(cloud_.ComputeQuota(project_id)["ram"], 32768);
  EXPECT_EQ(cloud_.VolumeQuota(project_id)["gigabytes"], 100);
  EXPECT_EQ(cloud_.NetworkQuota(project_id)["network"], 5);
  EXPECT_EQ(ResourceNow(resource)["limits"]["cores"], 16);
  EXPECT_EQ(ResourceNow(resource)["state"], "OK");

  const auto terminated = ResourceOrder(resource, "terminate", json::object());
  ASSERT_EQ(terminated["state"], "done") << terminated.dump();
  EXPECT_FALSE(cloud_.ProjectWithId(project_id).has_value());
  EXPECT_EQ(cloud_.ProjectCount(), 0);
  EXPECT_EQ(ResourceNow(resource)["state"], "Terminated");
}

TEST_F(OpenStackTenantTest, TerminatingAProjectThatIsAlreadyGoneSucceeds) {
  const auto created = Created(Offering(), "tenant-gone", kLimits);
  ASSERT_EQ(created["state"], "done") << created.dump();
  cloud_.Fail(
      "DELETE", "/identity/v3/projects/", 404,
      {{"error", {{"code", 404}, {"title", "Not Found"}, {"message", "Could not find project."}}}});
  const std::string resource = ResourceOf(created)["uuid"];
  const auto terminated = ResourceOrder(resource, "terminate", json::object());
  EXPECT_EQ(terminated["state"], "done") << terminated.dump();
  EXPECT_EQ(ResourceNow(resource)["state"], "Terminated");
}

TEST_F(OpenStackTenantTest, RefusedCredentialsErrTheOrderWithKeystonesAnswer) {
  const auto order = Created(Offering({{"password", "wrong"}}), "tenant-c", kLimits);
  ASSERT_EQ(order["state"], "erred") << order.dump();
  EXPECT_EQ(order["error_message"],
            "Keystone authentication as admin failed: backend answered 401");
  const std::string traceback = order["error_traceback"];
  EXPECT_NE(traceback.find("OpenStack.Tenant Create order, authenticating at Keystone"),
            std::string::npos)
      << traceback;
  EXPECT_NE(traceback.find("POST /auth/tokens answered 401"), std::string::npos) << traceback;
  EXPECT_NE(traceback.find("requires authentication"), std::string::npos) << traceback;
  EXPECT_EQ(ResourceOf(order)["state"], "Erred");
  EXPECT_EQ(cloud_.ProjectCount(), 0);
}

TEST_F(OpenStackTenantTest, AQuotaRefusalErrsTheOrderNamingTheStep) {
  cloud_.Fail("PUT", "/network/v2.0/quotas/", 400,
              {{"NeutronError",
                {{"type", "HTTPBadRequest"},
                 {"message", "Quota limit 2 for network is below usage"},
                 {"detail", ""}}}});
  const auto order = Created(Offering(), "tenant-d", kLimits);
  ASSERT_EQ(order["state"], "erred") << order.dump();
  EXPECT_NE(order["error_message"].get<std::string>().find("Setting Neutron quotas"),
            std::string::npos)
      << order.dump();
  const std::string traceback = order["error_traceback"];
  EXPECT_NE(traceback.find("setting Neutron quotas of project"), std::string::npos) << traceback;
  EXPECT_NE(traceback.find("below usage"), std::string::npos) << traceback;
}

TEST_F(OpenStackTenantTest, ServerErrorsAreRetriedWithoutMakingASecondProject) {
  cloud_.Fail("PUT", "/compute/v2.1/os-quota-sets/", 503,
              {{"computeFault", {{"code", 503}, {"message", "Service Unavailable"}}}}, 2);
  const auto order = Created(Offering(), "tenant-e", kLimits);
  ASSERT_EQ(order["state"], "done") << order.dump();
  EXPECT_EQ(CountOrderEvents(order["uuid"], "marketplace_order_retried"), 2);
  EXPECT_EQ(cloud_.CountRequests("POST", "/identity/v3/projects"), 1);
  EXPECT_EQ(cloud_.ProjectCount(), 1);
  EXPECT_EQ(cloud_.ComputeQuota(order["backend_id"])["cores"], 4);
}

TEST_F(OpenStackTenantTest, AHungKeystoneTimesOutOnTheClientAndTheNextAttemptSucceeds) {
  cloud_.Hang("POST", "/identity/v3/auth/tokens", 1);
  const auto order = Created(Offering({{"timeout", 1}}), "tenant-f", kLimits);
  ASSERT_EQ(order["state"], "done") << order.dump();
  EXPECT_EQ(CountOrderEvents(order["uuid"], "marketplace_order_retried"), 1);
  EXPECT_TRUE(cloud_.ProjectNamed("tenant-f").has_value());
}

// Spec decision 6 / clarification 14: staff force-destroying a tenant whose deletion fails.
TEST_F(OpenStackTenantTest, ForceDestroyByStaffOfAFailingTerminateEndsTerminated) {
  const auto offering = Offering();
  const std::string plain = ResourceOf(Created(offering, "tenant-g", kLimits))["uuid"];
  const std::string forced = ResourceOf(Created(offering, "tenant-h", kLimits))["uuid"];
  cloud_.Fail(
      "DELETE", "/identity/v3/projects/", 403,
      {{"error",
        {{"code", 403},
         {"title", "Forbidden"},
         {"message",
          "You are not authorized to perform the requested action: identity:delete_project."}}}});

  const auto refused = ResourceOrder(plain, "terminate", json::object());
  EXPECT_EQ(refused["state"], "erred");
  EXPECT_EQ(ResourceNow(plain)["state"], "Erred");

  const auto order =
      ResourceOrder(forced, "terminate", {{"attributes", {{"action", "force_destroy"}}}});
  EXPECT_EQ(order["state"], "erred");
  EXPECT_NE(order["error_traceback"].get<std::string>().find("identity:delete_project"),
            std::string::npos)
      << order.dump();
  EXPECT_EQ(ResourceNow(forced)["state"], "Terminated");
}

TEST_F(OpenStackTenantTest, AnOfferingWithoutAddressOrCredentialsRefusesOrdersNamingTheField) {
  const auto no_url = ActiveOffering(
      "OpenStack.Tenant", {{"username", "admin"}, {"password", "secret"}}, kTenantLimits);
  const auto refused = PlaceOrder(no_url, "x", kLimits);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(refused.body.contains("secret_options.backend_url")) << refused.text;

  const auto no_password =
      ActiveOffering("OpenStack.Tenant",
                     {{"backend_url", cloud_.KeystoneUrl()}, {"username", "admin"}}, kTenantLimits);
  const auto also_refused = PlaceOrder(no_password, "y", kLimits);
  EXPECT_EQ(also_refused.status, 400);
  EXPECT_TRUE(also_refused.body.contains("secret_options.password")) << also_refused.text;
  EXPECT_EQ(cloud_.Requests().size(), 0u);
}

// The execution time-out (processing.md §10) ends an order whose backend never answers.
class OpenStackExecutionTimeoutTest : public OpenStackTenantTest {
 protected:
  std::vector<std::string> ExtraServerArgs() const override {
    return {"--workers", "2", "--execution-timeout", "2", "--periodic-interval", "1"};
  }
};

TEST_F(OpenStackExecutionTimeoutTest, AHangingBackendIsEndedByTheExecutionTimeout) {
  cloud_.Hang("POST", "/identity/v3/auth/tokens");
  const auto order = Created(Offering(), "tenant-i", kLimits);
  ASSERT_EQ(order["state"], "erred") << order.dump();
  EXPECT_EQ(order["error_message"], "Execution has timed out.");
  EXPECT_EQ(ResourceOf(order)["state"], "Erred");
  EXPECT_EQ(cloud_.ProjectCount(), 0);
}

}  // namespace
}  // namespace orderly::testing
