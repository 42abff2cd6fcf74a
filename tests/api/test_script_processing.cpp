// Marketplace.Script end to end: orders run their offering's scripts on background workers
// (processing.md §9.3), and a server killed mid-way finishes every order without running a script
// twice.
#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

class ScriptProcessingTest : public ApiTest {
 protected:
  std::vector<std::string> ExtraServerArgs() const override {
    return {"--workers", "2", "--script-timeout", "3"};
  }

  void SetUp() override {
    ApiTest::SetUp();
    const auto customer = MakeCustomer("Org");
    MakeProvider(customer["uuid"]);
    customer_ = customer["uuid"];
    project_ = MakeProject(customer_, "Lab")["uuid"];
  }

  std::string Offering(const json& secret_options) {
    const auto created = api().Post(
        "/api/marketplace-provider-offerings/",
        {{"name", "VMs"},
         {"customer", customer_},
         {"type", "Marketplace.Script"},
         {"secret_options", secret_options},
         {"components", {{{"type", "cpu"}, {"billing_type", "limit"}, {"max_value", 64}}}}},
        staff_token());
    EXPECT_EQ(created.status, 201) << created.text;
    const std::string uuid = created.body["uuid"];
    EXPECT_EQ(
        api()
            .Post("/api/marketplace-provider-offerings/" + uuid + "/activate/", {}, staff_token())
            .status,
        200);
    return uuid;
  }

  ApiResponse Order(const std::string& offering, const std::string& name = "box") {
    return api().Post("/api/marketplace-orders/",
                      {{"project", project_},
                       {"offering", offering},
                       {"attributes", {{"name", name}}},
                       {"limits", {{"cpu", 2}}}},
                      staff_token());
  }

  // Polls until the order leaves executing (bounded; the workers pick jobs up within a second).
  json Settled(const std::string& order) {
    json body;
    for (int i = 0; i < 300; ++i) {
      body = api().Get("/api/marketplace-orders/" + order + "/", staff_token()).body;
      if (body.value("state", "") != "executing") return body;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return body;
  }

  json Resource(const std::string& order) {
    return api().Get("/api/marketplace-orders/" + order + "/resource/", staff_token()).body;
  }

  std::string customer_, project_;
};

TEST_F(ScriptProcessingTest, CreateRunsTheScriptAndStoresBackendIdAndMetadata) {
  const std::string metadata =
      "eyJiYWNrZW5kX21ldGFkYXRhIjogeyJpcCI6ICIxMC4wLjAuNSJ9fQ==";  // {"backend_metadata": {"ip":
                                                                   // "10.0.0.5"}}
  const auto offering =
      Offering({{"language", "shell"},
                {"environ", {{{"name", "REGION"}, {"value", "north"}}}},
                {"create",
                 "echo \"$RESOURCE_NAME in $PROJECT_NAME/$REGION limits=$LIMITS\"\n"
                 "echo vm-$ORDER_UUID " +
                     metadata}});
  const auto created = Order(offering, "web-1");
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body["state"], "executing");
  const auto order = Settled(created.body["uuid"]);
  ASSERT_EQ(order["state"], "done") << order.dump();
  EXPECT_EQ(order["backend_id"], "vm-" + order["uuid"].get<std::string>());
  EXPECT_NE(order["output"].get<std::string>().find("web-1 in Lab/north limits={\"cpu\":2}"),
            std::string::npos)
      << order["output"];
  const auto resource = Resource(order["uuid"]);
  EXPECT_EQ(resource["state"], "OK");
  EXPECT_EQ(resource["backend_id"], order["backend_id"]);
  EXPECT_EQ(resource["backend_metadata"]["ip"], "10.0.0.5");
}

TEST_F(ScriptProcessingTest, PythonScriptsRunToo) {
  const auto offering = Offering(
      {{"language", "python"}, {"create", "import os\nprint(os.environ['ORDER_UUID'][:8])"}});
  const auto created = Order(offering);
  const auto order = Settled(created.body["uuid"]);
  ASSERT_EQ(order["state"], "done") << order.dump();
  EXPECT_EQ(order["backend_id"], order["uuid"].get<std::string>().substr(0, 8));
}

TEST_F(ScriptProcessingTest, AFailingScriptErrsTheOrderWithItsOutputTail) {
  const auto offering =
      Offering({{"language", "shell"},
                {"create", "echo starting; echo 'quota exceeded for project' >&2; exit 2"}});
  const auto order = Settled(Order(offering).body["uuid"]);
  ASSERT_EQ(order["state"], "erred");
  EXPECT_EQ(order["error_message"], "starting\nquota exceeded for project");
  EXPECT_NE(order["error_traceback"].get<std::string>().find("exited with status 2"),
            std::string::npos);
  EXPECT_EQ(Resource(order["uuid"])["state"], "Erred");
}

TEST_F(ScriptProcessingTest, AHangingScriptTimesOut) {
  const auto offering = Offering({{"language", "shell"}, {"create", "sleep 60"}});
  const auto order = Settled(Order(offering).body["uuid"]);
  ASSERT_EQ(order["state"], "erred");
  EXPECT_EQ(order["error_message"], "Script timed out after 3 seconds.");
}

TEST_F(ScriptProcessingTest, UpdateAndTerminateRunTheirScripts) {
  const auto offering = Offering({{"language", "shell"},
                                  {"create", "echo vm-1"},
                                  {"update", "echo resized to $LIMITS"},
                                  {"terminate", "echo deleting $RESOURCE_BACKEND_ID"}});
  const auto created = Settled(Order(offering).body["uuid"]);
  const std::string resource = Resource(created["uuid"])["uuid"];
  const auto update = api().Post("/api/marketplace-resources/" + resource + "/update_limits/",
                                 {{"limits", {{"cpu", 8}}}}, staff_token());
  ASSERT_EQ(update.status, 200) << update.text;
  const auto updated = Settled(update.body["order_uuid"]);
  EXPECT_EQ(updated["state"], "done");
  EXPECT_EQ(updated["output"], "resized to {\"cpu\":8}\n");
  EXPECT_EQ(Resource(updated["uuid"])["limits"]["cpu"], 8);
  const auto terminate = api().Post("/api/marketplace-resources/" + resource + "/terminate/",
                                    json::object(), staff_token());
  const auto terminated = Settled(terminate.body["order_uuid"]);
  EXPECT_EQ(terminated["state"], "done");
  EXPECT_EQ(terminated["output"], "deleting vm-1\n");
  EXPECT_EQ(Resource(terminated["uuid"])["state"], "Terminated");
}

// Spec decision 6: a failing force-destroy by staff still sends the resource to Terminated.
TEST_F(ScriptProcessingTest, ForceDestroyOfAFailingTerminateEndsTerminated) {
  const auto offering = Offering({{"language", "shell"},
                                  {"create", "echo vm-1"},
                                  {"terminate", "echo 'cloud says no'; exit 1"}});
  const std::string first = Resource(Settled(Order(offering, "a").body["uuid"])["uuid"])["uuid"];
  const std::string second = Resource(Settled(Order(offering, "b").body["uuid"])["uuid"])["uuid"];

  const auto plain = api().Post("/api/marketplace-resources/" + first + "/terminate/",
                                json::object(), staff_token());
  EXPECT_EQ(Settled(plain.body["order_uuid"])["state"], "erred");
  EXPECT_EQ(api().Get("/api/marketplace-resources/" + first + "/", staff_token()).body["state"],
            "Erred");

  const auto forced = api().Post("/api/marketplace-resources/" + second + "/terminate/",
                                 {{"attributes", {{"action", "force_destroy"}}}}, staff_token());
  ASSERT_EQ(forced.status, 200) << forced.text;
  const auto order = Settled(forced.body["order_uuid"]);
  EXPECT_EQ(order["state"], "erred");
  EXPECT_EQ(order["error_message"], "cloud says no");
  EXPECT_EQ(api().Get("/api/marketplace-resources/" + second + "/", staff_token()).body["state"],
            "Terminated");
}

TEST_F(ScriptProcessingTest, OrdersTheScriptsCannotServeAre400) {
  const auto no_create = Offering({{"language", "shell"}, {"terminate", "true"}});
  const auto refused = Order(no_create);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.text.find("Script is not defined."), std::string::npos) << refused.text;
  const auto cobol = Offering({{"language", "cobol"}, {"create", "DISPLAY 'HI'."}});
  const auto unknown = Order(cobol);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.text.find("Docker image is not allowed."), std::string::npos) << unknown.text;
  // A resource whose offering has no terminate script cannot be terminated.
  const auto create_only = Offering({{"language", "shell"}, {"create", "echo vm"}});
  const std::string resource = Resource(Settled(Order(create_only).body["uuid"])["uuid"])["uuid"];
  EXPECT_EQ(api()
                .Post("/api/marketplace-resources/" + resource + "/terminate/", json::object(),
                      staff_token())
                .status,
            400);
}

// The crash test: 200 orders, the server SIGKILLed mid-way and restarted; every order ends
// done, none stays executing, and no script ran twice to completion.
TEST_F(ScriptProcessingTest, KilledServerFinishesEveryOrderAndRunsNoScriptTwice) {
  const auto ledger = server().directory() / "ledger.txt";
  const auto offering = Offering(
      {{"language", "shell"},
       {"create", "sleep 0.05\necho $ORDER_UUID >> " + ledger.string() + "\necho vm-$ORDER_UUID"}});
  constexpr int kOrders = 200;
  std::vector<std::string> orders;
  for (int i = 0; i < kOrders; ++i) {
    const auto created = Order(offering, "n" + std::to_string(i));
    ASSERT_EQ(created.status, 201) << created.text;
    orders.push_back(created.body["uuid"]);
  }
  // Kill once some but not all scripts have run.
  for (int i = 0; i < 200; ++i) {
    std::ifstream in(ledger);
    const auto lines =
        std::count(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), '\n');
    if (lines >= 20) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  server().Kill();
  server().Start();
  Reconnect();

  for (const auto& uuid : orders) {
    const auto order = Settled(uuid);
    ASSERT_EQ(order["state"], "done") << uuid << ": " << order.dump();
  }
  std::ifstream in(ledger);
  std::multiset<std::string> ran;
  for (std::string line; std::getline(in, line);) ran.insert(line);
  EXPECT_EQ(ran.size(), orders.size());
  for (const auto& uuid : orders)
    EXPECT_EQ(ran.count(uuid), 1u) << uuid << " ran " << ran.count(uuid) << " times";
}

}  // namespace
}  // namespace orderly::testing
