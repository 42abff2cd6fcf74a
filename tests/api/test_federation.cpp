// Waldur.RemoteOffering end to end (processing.md §9.4, spec decision 3, clarifications 7 and
// 13): two orderly processes on loopback, each with its own database. A sells an offering that
// lives in B; A's orders become orders in B, and B's outcome comes back to A through B's callback
// (POST A/api/remote-waldur-api/pull_order/{uuid}) and A's pull.
#include <chrono>
#include <functional>
#include <thread>

#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

constexpr const char* kBPassword = "remote-password";

json Expect(const ApiResponse& response, int status, const std::string& what) {
  EXPECT_EQ(response.status, status) << what << ": " << response.text;
  return response.body;
}

// Polls `read` until `done` holds (bounded; callbacks and workers act within a second or two).
json Until(const std::function<json()>& read, const std::function<bool(const json&)>& done) {
  json body;
  for (int i = 0; i < 300; ++i) {
    body = read();
    if (done(body)) return body;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return body;
}

// The other instance: its own server and database, a staff login, and a provider selling a
// Basic offering (manual: B's staff approve and finish its orders by hand).
class RemoteInstance {
 public:
  RemoteInstance() : server_(std::string(), {"--workers", "1"}) {
    std::string output;
    EXPECT_EQ(RunOrderly({"createstaffuser", "--db", server_.db_url(), "--username", "admin",
                          "--password", kBPassword},
                         &output),
              0)
        << output;
    server_.Start();
    api_ = std::make_unique<ApiClient>(server_.port());
    staff_ = api_->Login("admin", kBPassword);
    consumer_ = Expect(api_->Post("/api/customers/", {{"name", "Federated consumers"}}, staff_),
                       201, "B customer")["uuid"];
    const std::string provider = Expect(
        api_->Post("/api/customers/", {{"name", "B cloud"}}, staff_), 201, "B provider")["uuid"];
    Expect(api_->Post("/api/marketplace-service-providers/", {{"customer", provider}}, staff_), 201,
           "B sp");
    const auto offering =
        Expect(api_->Post("/api/marketplace-provider-offerings/",
                          {{"name", "B VMs"},
                           {"customer", provider},
                           {"type", "Marketplace.Basic"},
                           {"components",
                            {{{"type", "cpu"},
                              {"name", "CPU"},
                              {"billing_type", "limit"},
                              {"min_value", 1},
                              {"max_value", 100}}}},
                           {"plans", {{{"name", "B small"}, {"unit_price", "3"}}}}},
                          staff_),
               201, "B offering");
    offering_ = offering["uuid"];
    plan_ = offering["plans"][0]["uuid"];
    Expect(
        api_->Post("/api/marketplace-provider-offerings/" + offering_ + "/activate/", {}, staff_),
        200, "activate");
  }

  ApiClient& api() { return *api_; }
  ServerProcess& server() { return server_; }
  const std::string& staff() const { return staff_; }
  const std::string& consumer() const { return consumer_; }
  const std::string& offering() const { return offering_; }
  const std::string& plan() const { return plan_; }

  // A user of B holding `role` on `scope` (collection "customers" or "projects"); returns its
  // token.
  std::string Account(const std::string& username, const std::string& collection,
                      const std::string& scope, const std::string& role) {
    const auto user = Expect(
        api_->Post("/api/users/", {{"username", username}, {"password", kBPassword}}, staff_), 201,
        "B user");
    Expect(api_->Post("/api/" + collection + "/" + scope + "/add_user/",
                      {{"user", user["uuid"]}, {"role", role}}, staff_),
           201, "B grant");
    return api_->Login(username, kBPassword);
  }

  json Order(const std::string& uuid) {
    return api_->Get("/api/marketplace-orders/" + uuid + "/", staff_).body;
  }
  int Act(const std::string& uuid, const std::string& action, const json& body = json::object()) {
    return api_->Post("/api/marketplace-orders/" + uuid + "/" + action + "/", body, staff_).status;
  }

 private:
  ServerProcess server_;
  std::unique_ptr<ApiClient> api_;
  std::string staff_, consumer_, offering_, plan_;
};

class FederationTest : public ApiTest {
 protected:
  std::vector<std::string> ExtraServerArgs() const override { return {"--workers", "2"}; }

  void SetUp() override {
    ApiTest::SetUp();
    b_ = std::make_unique<RemoteInstance>();
    const auto consumer = MakeCustomer("Consumer");
    customer_ = consumer["uuid"];
    project_ = MakeProject(customer_, "Lab")["uuid"];
    const auto provider = MakeCustomer("Reseller");
    provider_ = provider["uuid"];
    MakeProvider(provider_);
  }

  // A Remote offering in A whose orders go to B as the user behind `token`.
  std::string RemoteOffering(const std::string& token,
                             const std::string& api_url_suffix = "/api/") {
    const auto created = Expect(
        api().Post(
            "/api/marketplace-provider-offerings/",
            {{"name", "Partner VMs"},
             {"customer", provider_},
             {"type", "Waldur.RemoteOffering"},
             {"backend_id", b_->offering()},
             {"plugin_options", {{"auto_approve_remote_orders", true}}},
             {"secret_options",
              {{"api_url",
                "http://127.0.0.1:" + std::to_string(b_->server().port()) + api_url_suffix},
               {"token", token},
               {"customer_uuid", b_->consumer()}}},
             {"components",
              {{{"type", "cpu"},
                {"name", "CPU"},
                {"billing_type", "limit"},
                {"min_value", 1},
                {"max_value", 100}}}},
             {"plans", {{{"name", "Small"}, {"unit_price", "5"}, {"backend_id", b_->plan()}}}}},
            staff_token()),
        201, "remote offering");
    plan_ = created["plans"][0]["uuid"];
    Expect(api().Post("/api/marketplace-provider-offerings/" + created["uuid"].get<std::string>() +
                          "/activate/",
                      {}, staff_token()),
           200, "activate");
    return created["uuid"];
  }

  // B's project for A's project, made by B's staff, with a project admin account for A: orders
  // that account places wait for consumer review in B.
  std::string ProjectAdminInB() {
    const auto project = Expect(b_->api().Post("/api/projects/",
                                               {{"customer", b_->consumer()},
                                                {"name", "Consumer / Lab"},
                                                {"backend_id", customer_ + "_" + project_}},
                                               b_->staff()),
                                201, "B project");
    b_project_ = project["uuid"];
    return b_->Account("federation", "projects", b_project_, "PROJECT.ADMIN");
  }

  json Order(const std::string& uuid) {
    return api().Get("/api/marketplace-orders/" + uuid + "/", staff_token()).body;
  }
  json ResourceOf(const std::string& order) {
    return api().Get("/api/marketplace-orders/" + order + "/resource/", staff_token()).body;
  }
  json Settled(const std::string& order) {
    return Until([&] { return Order(order); },
                 [](const json& o) { return o.value("state", "") != "executing"; });
  }
  // Like Settled, running the periodic jobs (as staff may) between looks: the pull they queue is
  // what follows orders whose remote counterpart has no callback_url.
  json SettledByPeriodicPulls(const std::string& order, int* queued = nullptr) {
    return Until(
        [&] {
          const auto run = api().Post("/api/periodic-jobs/run/", json::object(), staff_token());
          if (queued != nullptr) *queued += run.body.value("remote_pulls_queued", 0);
          return Order(order);
        },
        [](const json& o) { return o.value("state", "") != "executing"; });
  }
  // Waits until A's order names its order in B, and returns B's order.
  json RemoteOrderOf(const std::string& order) {
    const auto local = Until([&] { return Order(order); },
                             [](const json& o) { return !o.value("backend_id", "").empty(); });
    EXPECT_FALSE(local.value("backend_id", "").empty()) << local.dump();
    return b_->Order(local.value("backend_id", ""));
  }

  std::string PlaceOrder(const std::string& offering) {
    const auto created = Expect(api().Post("/api/marketplace-orders/",
                                           {{"project", project_},
                                            {"offering", offering},
                                            {"plan", plan_},
                                            {"attributes", {{"name", "vm-1"}}},
                                            {"limits", {{"cpu", 2}}}},
                                           staff_token()),
                                201, "order in A");
    EXPECT_EQ(created["state"], "executing");
    return created["uuid"];
  }

  // Create in A, carried out in B (approved by B's consumer side and provider, done by hand).
  std::string CreatedResource(const std::string& offering) {
    const std::string order = PlaceOrder(offering);
    const auto remote = RemoteOrderOf(order);
    EXPECT_EQ(remote["state"], "pending-consumer") << remote.dump();
    EXPECT_EQ(b_->Act(remote["uuid"], "approve_by_consumer"), 200);
    EXPECT_EQ(b_->Act(remote["uuid"], "approve_by_provider"), 200);
    EXPECT_EQ(b_->Act(remote["uuid"], "set_state_done"), 200);
    EXPECT_EQ(Settled(order)["state"], "done");
    return ResourceOf(order)["uuid"];
  }

  // A Terminate order in A whose order in B waits for consumer review there.
  std::pair<std::string, json> TerminationWaitingInB(const std::string& resource) {
    const auto placed = Expect(api().Post("/api/marketplace-resources/" + resource + "/terminate/",
                                          json::object(), staff_token()),
                               200, "terminate in A");
    const std::string order = placed["order_uuid"];
    const auto remote = RemoteOrderOf(order);
    EXPECT_EQ(remote["type"], "Terminate");
    EXPECT_EQ(remote["state"], "pending-consumer") << remote.dump();
    return {order, remote};
  }

  std::unique_ptr<RemoteInstance> b_;
  std::string customer_, project_, provider_, plan_, b_project_;
};

TEST_F(FederationTest, CreateInAIsCarriedOutInBAndFollowedToDone) {
  const auto offering = RemoteOffering(ProjectAdminInB());
  const std::string order = PlaceOrder(offering);
  const auto remote = RemoteOrderOf(order);
  // B's order: in A's project's counterpart, for B's offering and plan, with A's callback.
  EXPECT_EQ(remote["state"], "pending-consumer");
  EXPECT_EQ(remote["project_uuid"], b_project_);
  EXPECT_EQ(remote["offering_uuid"], b_->offering());
  EXPECT_EQ(remote["plan_uuid"], b_->plan());
  EXPECT_EQ(remote["limits"], json({{"cpu", 2}}));
  EXPECT_EQ(remote["attributes"]["name"], "vm-1");
  EXPECT_EQ(remote["callback_url"], "http://127.0.0.1:" + std::to_string(server().port()) +
                                        "/api/remote-waldur-api/pull_order/" + order);
  EXPECT_EQ(Order(order)["state"], "executing");
  EXPECT_EQ(ResourceOf(order)["state"], "Creating");

  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_consumer"), 200);
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_provider"), 200);
  EXPECT_EQ(Order(order)["state"], "executing");
  ASSERT_EQ(b_->Act(remote["uuid"], "set_state_done"), 200);

  const auto done = Settled(order);
  EXPECT_EQ(done["state"], "done") << done.dump();
  EXPECT_EQ(done["backend_id"], remote["uuid"]);
  const auto resource = ResourceOf(order);
  EXPECT_EQ(resource["state"], "OK");
  EXPECT_EQ(resource["backend_id"], b_->Order(remote["uuid"])["marketplace_resource_uuid"]);
  EXPECT_FALSE(resource["backend_id"].get<std::string>().empty());
}

TEST_F(FederationTest, TheRemoteProjectIsCreatedWhenBHasNoneAndReusedAfterwards) {
  const std::string token =
      b_->Account("federation-owner", "customers", b_->consumer(), "CUSTOMER.OWNER");
  const auto offering =
      RemoteOffering(token, "");  // api_url without /api/ works too (clarification 13)
  const auto first = RemoteOrderOf(PlaceOrder(offering));
  // An owner's order in B needs no consumer review; the Basic offering still needs its provider.
  EXPECT_EQ(first["state"], "pending-provider") << first.dump();
  const auto projects =
      b_->api().Get("/api/projects/?backend_id=" + customer_ + "_" + project_, b_->staff());
  ASSERT_EQ(projects.body.size(), 1u) << projects.text;
  EXPECT_EQ(projects.body[0]["name"], "Consumer / Lab");
  EXPECT_EQ(projects.body[0]["customer_uuid"], b_->consumer());
  EXPECT_EQ(first["project_uuid"], projects.body[0]["uuid"]);

  const auto second = Expect(api().Post("/api/marketplace-orders/",
                                        {{"project", project_},
                                         {"offering", offering},
                                         {"plan", plan_},
                                         {"attributes", {{"name", "vm-2"}}},
                                         {"limits", {{"cpu", 1}}}},
                                        staff_token()),
                             201, "second order");
  EXPECT_EQ(RemoteOrderOf(second["uuid"])["project_uuid"], projects.body[0]["uuid"]);
  EXPECT_EQ(b_->api()
                .Get("/api/projects/?backend_id=" + customer_ + "_" + project_, b_->staff())
                .body.size(),
            1u);
}

// B's Terminate order comes from B's terminate action, which takes no callback_url (as in the
// reference): A follows it by its periodic pull.
TEST_F(FederationTest, TerminateInAIsCarriedOutInB) {
  const auto resource = CreatedResource(RemoteOffering(ProjectAdminInB()));
  const auto [order, remote] = TerminationWaitingInB(resource);
  EXPECT_EQ(api().Get("/api/marketplace-resources/" + resource + "/", staff_token()).body["state"],
            "Terminating");
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_consumer"), 200);
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_provider"), 200);
  ASSERT_EQ(b_->Act(remote["uuid"], "set_state_done"), 200);
  const auto done = SettledByPeriodicPulls(order);
  EXPECT_EQ(done["state"], "done") << done.dump();
  EXPECT_EQ(done["backend_id"], remote["uuid"]);
  EXPECT_EQ(api().Get("/api/marketplace-resources/" + resource + "/", staff_token()).body["state"],
            "Terminated");
}

// Limits go to B through B's update_limits; plan switches stay in A (processing.md §9.4).
TEST_F(FederationTest, LimitUpdatesAreCarriedOutInBAndPlanSwitchesStayLocal) {
  const auto resource = CreatedResource(RemoteOffering(ProjectAdminInB()));
  const auto placed =
      Expect(api().Post("/api/marketplace-resources/" + resource + "/update_limits/",
                        {{"limits", {{"cpu", 4}}}}, staff_token()),
             200, "update_limits in A");
  const std::string order = placed["order_uuid"];
  const auto remote = RemoteOrderOf(order);
  EXPECT_EQ(remote["type"], "Update");
  EXPECT_EQ(remote["limits"], json({{"cpu", 4}}));
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_consumer"), 200);
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_provider"), 200);
  ASSERT_EQ(b_->Act(remote["uuid"], "set_state_done"), 200);
  const auto done = SettledByPeriodicPulls(order);
  EXPECT_EQ(done["state"], "done") << done.dump();
  const auto updated =
      api().Get("/api/marketplace-resources/" + resource + "/", staff_token()).body;
  EXPECT_EQ(updated["state"], "OK");
  EXPECT_EQ(updated["limits"], json({{"cpu", 4}}));

  const auto plans = Expect(api().Get("/api/marketplace-public-offerings/" +
                                          updated["offering_uuid"].get<std::string>() + "/",
                                      staff_token()),
                            200, "offering")["plans"];
  ASSERT_EQ(plans.size(), 1u);
  const auto orders_in_b = b_->api().Get("/api/marketplace-orders/", b_->staff()).body.size();
  const auto switched =
      Expect(api().Post("/api/marketplace-resources/" + resource + "/switch_plan/",
                        {{"plan", plans[0]["uuid"]}}, staff_token()),
             200, "switch_plan in A");
  EXPECT_EQ(Settled(switched["order_uuid"])["state"], "done");
  EXPECT_EQ(b_->api().Get("/api/marketplace-orders/", b_->staff()).body.size(), orders_in_b);
}

TEST_F(FederationTest, AFailureInBErrsTheOrderInAWithBsMessage) {
  const auto offering = RemoteOffering(ProjectAdminInB());
  const std::string order = PlaceOrder(offering);
  const auto remote = RemoteOrderOf(order);
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_consumer"), 200);
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_provider"), 200);
  ASSERT_EQ(
      b_->Act(remote["uuid"], "set_state_erred",
              {{"error_message", "Quota exceeded in B"}, {"error_traceback", "B: no cores left"}}),
      200);
  const auto erred = Settled(order);
  EXPECT_EQ(erred["state"], "erred") << erred.dump();
  EXPECT_EQ(erred["error_message"], "Quota exceeded in B");
  EXPECT_NE(erred["error_traceback"].get<std::string>().find(remote["uuid"].get<std::string>()),
            std::string::npos);
  EXPECT_EQ(ResourceOf(order)["state"], "Erred");
}

TEST_F(FederationTest, ARejectionInBCancelsTheOrderInA) {
  const std::string order = PlaceOrder(RemoteOffering(ProjectAdminInB()));
  const auto remote = RemoteOrderOf(order);
  ASSERT_EQ(b_->Act(remote["uuid"], "reject_by_consumer"), 200);
  EXPECT_EQ(Settled(order)["state"], "canceled");
  EXPECT_EQ(ResourceOf(order)["state"], "Terminated");
}

TEST_F(FederationTest, CancelTerminationRejectsBsOrderAndReturnsTheResourceToOk) {
  const auto resource = CreatedResource(RemoteOffering(ProjectAdminInB()));
  const auto [order, remote] = TerminationWaitingInB(resource);

  const auto canceled = api().Post("/api/remote-waldur-api/cancel_termination/" + order + "/",
                                   json::object(), staff_token());
  ASSERT_EQ(canceled.status, 200) << canceled.text;
  EXPECT_EQ(canceled.body["uuid"], order);
  EXPECT_EQ(canceled.body["state"], "canceled");
  EXPECT_EQ(b_->Order(remote["uuid"])["state"], "rejected");
  EXPECT_EQ(Order(order)["state"], "canceled");
  EXPECT_EQ(api().Get("/api/marketplace-resources/" + resource + "/", staff_token()).body["state"],
            "OK");
  // B's callback for the rejection finds A's order already finished: nothing changes.
  EXPECT_EQ(api().Post("/api/remote-waldur-api/pull_order/" + order, json::object()).status, 404);
}

TEST_F(FederationTest, CancelTerminationIsStaffOnlyAndForExecutingRemoteTerminateOrders) {
  const auto resource = CreatedResource(RemoteOffering(ProjectAdminInB()));
  const auto created_order =
      api()
          .Get("/api/marketplace-orders/?resource_uuid=" + resource + "&type=Create", staff_token())
          .body[0]["uuid"];
  EXPECT_EQ(api()
                .Post("/api/remote-waldur-api/cancel_termination/" +
                          created_order.get<std::string>() + "/",
                      json::object(), staff_token())
                .status,
            409);
  const auto [order, remote] = TerminationWaitingInB(resource);
  const auto owner = MakeUser("provider-owner");
  Grant("customers", provider_, owner.uuid, "CUSTOMER.OWNER");
  EXPECT_EQ(api()
                .Post("/api/remote-waldur-api/cancel_termination/" + order + "/", json::object(),
                      owner.token)
                .status,
            403);
  EXPECT_EQ(
      api().Post("/api/remote-waldur-api/cancel_termination/" + order + "/", json::object()).status,
      401);
  EXPECT_EQ(b_->Order(remote["uuid"])["state"], "pending-consumer");
  EXPECT_EQ(Order(order)["state"], "executing");
}

TEST_F(FederationTest, CancelTerminationIs502AndChangesNothingWhenBRefuses) {
  const auto resource = CreatedResource(RemoteOffering(ProjectAdminInB()));
  const auto [order, remote] = TerminationWaitingInB(resource);
  // Approved in B: B's order can no longer be rejected by its consumer.
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_consumer"), 200);
  const auto refused = api().Post("/api/remote-waldur-api/cancel_termination/" + order + "/",
                                  json::object(), staff_token());
  EXPECT_EQ(refused.status, 502) << refused.text;
  EXPECT_NE(refused.body.value("detail", "").find("409"), std::string::npos) << refused.text;
  EXPECT_EQ(Order(order)["state"], "executing");
  EXPECT_EQ(api().Get("/api/marketplace-resources/" + resource + "/", staff_token()).body["state"],
            "Terminating");
}

TEST_F(FederationTest, CancelTerminationIs502AndChangesNothingWhenBIsUnreachable) {
  const auto resource = CreatedResource(RemoteOffering(ProjectAdminInB()));
  const auto [order, remote] = TerminationWaitingInB(resource);
  b_->server().Terminate();
  const auto refused = api().Post("/api/remote-waldur-api/cancel_termination/" + order + "/",
                                  json::object(), staff_token());
  EXPECT_EQ(refused.status, 502) << refused.text;
  EXPECT_EQ(Order(order)["state"], "executing");
  EXPECT_EQ(api().Get("/api/marketplace-resources/" + resource + "/", staff_token()).body["state"],
            "Terminating");
  const auto events = api().Get("/api/events/?scope=" + order, staff_token()).body;
  for (const auto& event : events) EXPECT_NE(event["event_type"], "marketplace_order_terminated");
}

TEST_F(FederationTest, ThePullCallbackNeedsNoLoginAndChecksItsOrder) {
  const std::string order = PlaceOrder(RemoteOffering(ProjectAdminInB()));
  RemoteOrderOf(order);
  EXPECT_EQ(api().Post("/api/remote-waldur-api/pull_order/" + order, json::object()).status, 200);
  EXPECT_EQ(api().Post("/api/remote-waldur-api/pull_order/" + order + "/", json::object()).status,
            200);
  EXPECT_EQ(api().Post("/api/remote-waldur-api/pull_order/not-a-uuid", json::object()).status, 400);
  EXPECT_EQ(api()
                .Post("/api/remote-waldur-api/pull_order/0123456789abcdef0123456789abcdef",
                      json::object())
                .status,
            404);
}

// A's address as B knows it is dead, so B's callbacks never arrive: the periodic pull (run here
// on demand, as staff may) is what brings B's outcome to A.
class FederationWithoutCallbacksTest : public FederationTest {
 protected:
  std::vector<std::string> ExtraServerArgs() const override {
    return {"--workers", "2", "--public-url", "http://127.0.0.1:1"};
  }
};

TEST_F(FederationWithoutCallbacksTest, ThePeriodicPullFinishesOrdersWhoseCallbackNeverCame) {
  const std::string order = PlaceOrder(RemoteOffering(ProjectAdminInB()));
  const auto remote = RemoteOrderOf(order);
  EXPECT_EQ(remote["callback_url"], "http://127.0.0.1:1/api/remote-waldur-api/pull_order/" + order);
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_consumer"), 200);
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_provider"), 200);
  ASSERT_EQ(b_->Act(remote["uuid"], "set_state_done"), 200);
  int queued = 0;
  const auto done = SettledByPeriodicPulls(order, &queued);
  EXPECT_EQ(done["state"], "done") << done.dump();
  EXPECT_GE(queued, 1);
  EXPECT_EQ(ResourceOf(order)["state"], "OK");
}

// B posts its callback outside the transaction that moved its order; a receiver that answers 4xx
// (here: A no longer knows the order) is not asked again, and B's order records that.
TEST_F(FederationTest, ACallbackTheReceiverRefusesIsGivenUpWithAnEvent) {
  const std::string order = PlaceOrder(RemoteOffering(ProjectAdminInB()));
  const auto remote = RemoteOrderOf(order);
  ASSERT_EQ(
      api()
          .Post("/api/marketplace-orders/" + order + "/unlink/", json::object(), staff_token())
          .status,
      204);
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_consumer"), 200);
  EXPECT_EQ(b_->Order(remote["uuid"])["state"], "pending-provider");
  const auto events = Until(
      [&] {
        return b_->api()
            .Get("/api/events/?scope=" + remote["uuid"].get<std::string>(), b_->staff())
            .body;
      },
      [](const json& list) {
        for (const auto& event : list) {
          if (event.value("event_type", "") == "marketplace_order_callback_failed") return true;
        }
        return false;
      });
  ASSERT_TRUE(events.is_array());
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0]["event_type"], "marketplace_order_callback_failed") << events.dump();
  EXPECT_NE(events[0]["message"].get<std::string>().find("404"), std::string::npos)
      << events[0].dump();
}

TEST_F(FederationTest, ARemoteOrderInAStateWithoutMappingErrsTheLocalOrder) {
  const auto offering = RemoteOffering(ProjectAdminInB());
  // B's project starts later: B's approved order waits in pending-project, which has no local
  // counterpart (processing.md §9.4).
  ASSERT_EQ(
      b_->api()
          .Patch("/api/projects/" + b_project_ + "/", {{"start_date", "2099-01-01"}}, b_->staff())
          .status,
      200);
  const std::string order = PlaceOrder(offering);
  const auto remote = RemoteOrderOf(order);
  ASSERT_EQ(b_->Act(remote["uuid"], "approve_by_consumer"), 200);
  ASSERT_EQ(b_->Order(remote["uuid"])["state"], "pending-project");
  const auto erred = Settled(order);
  EXPECT_EQ(erred["state"], "erred") << erred.dump();
  EXPECT_EQ(erred["error_message"],
            "The order in remote Waldur has unexpected state pending-project.");
}

TEST_F(FederationTest, AWrongTokenErrsTheOrderWithoutRevealingTheToken) {
  const std::string token = "0123456789abcdef0123456789abcdef01234567";
  const std::string order = PlaceOrder(RemoteOffering(token));
  const auto erred = Settled(order);
  EXPECT_EQ(erred["state"], "erred") << erred.dump();
  EXPECT_NE(erred["error_message"].get<std::string>().find("401"), std::string::npos)
      << erred.dump();
  EXPECT_EQ(erred.dump().find(token), std::string::npos);
  const auto events = api().Get("/api/events/?scope=" + order, staff_token());
  EXPECT_EQ(events.text.find(token), std::string::npos);
  EXPECT_EQ(ResourceOf(order)["state"], "Erred");
}

TEST_F(FederationTest, TheRemoteTokenIsNeverShownToNonStaff) {
  const auto offering = RemoteOffering(ProjectAdminInB());
  const auto owner = MakeUser("provider-owner");
  Grant("customers", provider_, owner.uuid, "CUSTOMER.OWNER");
  const auto seen = api().Get("/api/marketplace-provider-offerings/" + offering + "/", owner.token);
  ASSERT_EQ(seen.status, 200) << seen.text;
  EXPECT_EQ(seen.text.find("\"token\""), std::string::npos) << seen.text;
  const std::string order = PlaceOrder(offering);
  RemoteOrderOf(order);
  const auto events = api().Get("/api/events/?scope=" + order, staff_token());
  const auto secret =
      api()
          .Get("/api/marketplace-provider-offerings/" + offering + "/", staff_token())
          .body["secret_options"]["token"]
          .get<std::string>();
  EXPECT_EQ(events.text.find(secret), std::string::npos);
  EXPECT_EQ(Order(order).dump().find(secret), std::string::npos);
}

}  // namespace
}  // namespace orderly::testing
