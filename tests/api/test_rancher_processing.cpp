// Marketplace.Rancher end to end (processing.md §9.7): orders go through the HTTP API, the workers
// talk to a fake Rancher v3 API (tests/fakes) that keeps the clusters it was asked to make.
#include "fake_rancher.hpp"
#include "processing_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

const std::vector<std::string> kClusterLimits = {"node"};
const json kLimits = {{"node", 3}};

class RancherTest : public ProcessingTest {
 protected:
  void SetUp() override {
    rancher_.Start();
    ProcessingTest::SetUp();
  }
  void TearDown() override {
    rancher_.ClearFaults();
    ProcessingTest::TearDown();
  }

  std::string Offering(const json& overrides = json::object()) {
    json secrets = {{"backend_url", rancher_.Url()}, {"token", rancher_.token()}};
    secrets.update(overrides);
    return ActiveOffering("Marketplace.Rancher", secrets, kClusterLimits);
  }

  // Two reads of a new cluster before it is active: the processor has to follow it.
  fakes::FakeRancher rancher_{"token-u1:s3cret", 2};
};

TEST_F(RancherTest, CreateMakesAClusterAndFollowsItUntilActive) {
  const auto order = Created(Offering(), "k8s-a", kLimits);
  ASSERT_EQ(order["state"], "done") << order.dump();
  const auto cluster = rancher_.ClusterNamed("k8s-a");
  ASSERT_TRUE(cluster.has_value());
  EXPECT_EQ(cluster->state, "active");
  EXPECT_EQ(order["backend_id"], cluster->id);
  const auto resource = ResourceOf(order);
  EXPECT_EQ(resource["state"], "OK");
  EXPECT_EQ(resource["backend_id"], cluster->id);
  EXPECT_EQ(resource["backend_metadata"]["state"], "active");
  EXPECT_EQ(cluster->labels["orderly/resource-uuid"], resource["uuid"]);
  EXPECT_GE(rancher_.CountRequests("GET", "/v3/clusters/" + cluster->id), 2);
  for (const auto& request : rancher_.Requests())
    EXPECT_EQ(request.authorization, "Bearer token-u1:s3cret");
}

TEST_F(RancherTest, UpdateRecordsTheLimitsAndTerminateDeletesTheCluster) {
  const auto created = Created(Offering(), "k8s-b", kLimits);
  ASSERT_EQ(created["state"], "done") << created.dump();
  const std::string resource = ResourceOf(created)["uuid"];

  const auto updated = ResourceOrder(resource, "update_limits", {{"limits", {{"node", 5}}}});
  ASSERT_EQ(updated["state"], "done") << updated.dump();
  EXPECT_EQ(ResourceNow(resource)["limits"]["node"], 5);
  EXPECT_NE(updated["output"].get<std::string>().find("recorded"), std::string::npos)
      << updated.dump();

  const auto terminated = ResourceOrder(resource, "terminate", json::object());
  ASSERT_EQ(terminated["state"], "done") << terminated.dump();
  EXPECT_EQ(rancher_.ClusterCount(), 0);
  EXPECT_EQ(ResourceNow(resource)["state"], "Terminated");
  EXPECT_EQ(
      rancher_.CountRequests("DELETE", "/v3/clusters/" + created["backend_id"].get<std::string>()),
      1);
}

TEST_F(RancherTest, TerminatingAClusterThatIsAlreadyGoneSucceeds) {
  const auto created = Created(Offering(), "k8s-gone", kLimits);
  ASSERT_EQ(created["state"], "done") << created.dump();
  rancher_.Fail("DELETE", "/v3/clusters/", 404,
                {{"type", "error"},
                 {"status", 404},
                 {"code", "NotFound"},
                 {"message", "clusters.management.cattle.io not found"}});
  const std::string resource = ResourceOf(created)["uuid"];
  EXPECT_EQ(ResourceOrder(resource, "terminate", json::object())["state"], "done");
  EXPECT_EQ(ResourceNow(resource)["state"], "Terminated");
}

TEST_F(RancherTest, AClusterThatFailsToProvisionErrsTheOrder) {
  rancher_.FailProvisioning("k8s-c", "Cluster must have at least one etcd plane host");
  const auto order = Created(Offering(), "k8s-c", kLimits);
  ASSERT_EQ(order["state"], "erred") << order.dump();
  EXPECT_NE(order["error_message"].get<std::string>().find("at least one etcd plane host"),
            std::string::npos)
      << order.dump();
  EXPECT_NE(order["error_traceback"].get<std::string>().find(
                "Marketplace.Rancher Create order, following cluster"),
            std::string::npos)
      << order.dump();
  EXPECT_EQ(ResourceOf(order)["state"], "Erred");
}

TEST_F(RancherTest, ARefusedTokenErrsTheOrderWithRanchersAnswer) {
  const auto order = Created(Offering({{"token", "token-u1:wrong"}}), "k8s-d", kLimits);
  ASSERT_EQ(order["state"], "erred") << order.dump();
  EXPECT_EQ(order["error_message"], "Listing Rancher clusters failed: backend answered 401");
  EXPECT_NE(order["error_traceback"].get<std::string>().find("must authenticate"),
            std::string::npos)
      << order.dump();
  EXPECT_EQ(rancher_.ClusterCount(), 0);
}

TEST_F(RancherTest, ServerErrorsAreRetriedAndTheClusterIsFoundAgainNotMadeTwice) {
  // The cluster is made, then reading it fails twice: later attempts find it by name and label.
  rancher_.Fail("GET", "/v3/clusters/c-", 502,
                {{"type", "error"}, {"status", 502}, {"message", "Bad Gateway"}}, 2);
  const auto order = Created(Offering(), "k8s-e", kLimits);
  ASSERT_EQ(order["state"], "done") << order.dump();
  EXPECT_EQ(CountOrderEvents(order["uuid"], "marketplace_order_retried"), 2);
  EXPECT_EQ(rancher_.CountRequests("POST", "/v3/clusters"), 1);
  EXPECT_EQ(rancher_.ClusterCount(), 1);
}

TEST_F(RancherTest, AClusterOfTheSameNameMadeByOthersIsNotAdopted) {
  const auto offering = Offering();
  ASSERT_EQ(Created(offering, "k8s-f", kLimits)["state"], "done");
  const auto second = Created(offering, "k8s-f", kLimits);
  ASSERT_EQ(second["state"], "erred") << second.dump();
  EXPECT_EQ(second["error_message"], "A Rancher cluster named 'k8s-f' already exists.");
  EXPECT_EQ(rancher_.ClusterCount(), 1);
}

TEST_F(RancherTest, AHungRancherTimesOutOnTheClientAndTheNextAttemptSucceeds) {
  rancher_.Hang("POST", "/v3/clusters", 1);
  const auto order = Created(Offering({{"timeout", 1}}), "k8s-g", kLimits);
  ASSERT_EQ(order["state"], "done") << order.dump();
  EXPECT_EQ(CountOrderEvents(order["uuid"], "marketplace_order_retried"), 1);
}

TEST_F(RancherTest, ForceDestroyByStaffOfAFailingTerminateEndsTerminated) {
  const auto offering = Offering();
  const std::string plain = ResourceOf(Created(offering, "k8s-h", kLimits))["uuid"];
  const std::string forced = ResourceOf(Created(offering, "k8s-i", kLimits))["uuid"];
  rancher_.Fail("DELETE", "/v3/clusters/", 403,
                {{"type", "error"},
                 {"status", 403},
                 {"code", "PermissionDenied"},
                 {"message", "clusters.management.cattle.io is forbidden"}});

  EXPECT_EQ(ResourceOrder(plain, "terminate", json::object())["state"], "erred");
  EXPECT_EQ(ResourceNow(plain)["state"], "Erred");

  const auto order =
      ResourceOrder(forced, "terminate", {{"attributes", {{"action", "force_destroy"}}}});
  EXPECT_EQ(order["state"], "erred");
  EXPECT_NE(order["error_traceback"].get<std::string>().find("PermissionDenied"), std::string::npos)
      << order.dump();
  EXPECT_EQ(ResourceNow(forced)["state"], "Terminated");
}

TEST_F(RancherTest, AnOfferingWithoutTokenRefusesOrdersNamingTheField) {
  const auto no_token =
      ActiveOffering("Marketplace.Rancher", {{"backend_url", rancher_.Url()}}, kClusterLimits);
  const auto refused = PlaceOrder(no_token, "x", kLimits);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(refused.body.contains("secret_options.token")) << refused.text;
  const auto no_url = ActiveOffering("Marketplace.Rancher", {{"token", "t"}}, kClusterLimits);
  const auto also_refused = PlaceOrder(no_url, "y", kLimits);
  EXPECT_EQ(also_refused.status, 400);
  EXPECT_TRUE(also_refused.body.contains("secret_options.backend_url")) << also_refused.text;
}

}  // namespace
}  // namespace orderly::testing
