// Replays the requests Waldur's site agent makes (spec processing.md §12.1, §12.2 and the minimum
// of §12.5) exactly as it sends them: 32-hex uuids in paths, repeated `state`, sparse `field`, Link
// pagination, set_state_done without a body.
#include <algorithm>
#include <regex>
#include <set>

#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

std::string Hex(std::string uuid) {
  uuid.erase(std::remove(uuid.begin(), uuid.end(), '-'), uuid.end());
  return uuid;
}

class WaldurClientCompatTest : public ScenarioTest {
 protected:
  void SetUp() override {
    ScenarioTest::SetUp();
    if (HasFatalFailure()) return;
    slurm_ = ActiveOffering("Marketplace.Slurm");
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server().port());
    client_->set_default_headers({{"Authorization", "Token " + provider_owner_.token},
                                  {"User-Agent", "waldur-site-agent-order_process/0.7.4"}});
  }

  // A request as the agent sends it; returns status and parsed body.
  std::pair<int, nlohmann::json> Agent(const std::string& method, const std::string& path,
                                       const std::optional<nlohmann::json>& body = std::nullopt,
                                       std::string* link = nullptr) {
    httplib::Request request;
    request.method = method;
    request.path = path;
    if (body) {
      request.body = body->dump();
      request.headers.emplace("Content-Type", "application/json");
    }
    const auto result = client_->send(request);
    if (!result) throw std::runtime_error("request failed: " + path);
    if (link) *link = result->get_header_value("Link");
    auto parsed = nlohmann::json::parse(result->body, nullptr, false);
    return {result->status, parsed.is_discarded() ? nlohmann::json() : parsed};
  }

  static std::set<std::string> Keys(const nlohmann::json& object) {
    std::set<std::string> keys;
    for (const auto& [key, value] : object.items()) keys.insert(key);
    return keys;
  }

  std::string slurm_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(WaldurClientCompatTest, RegistrationReads) {
  auto [me_status, me] = Agent("GET", "/api/users/me/");
  ASSERT_EQ(me_status, 200);
  EXPECT_EQ(me["username"], "provider-owner");

  auto [offering_status, offering] = Agent(
      "GET", "/api/marketplace-provider-offerings/" + Hex(slurm_) +
                 "/?field=components&field=customer_uuid&field=partitions&field=plugin_options");
  ASSERT_EQ(offering_status, 200) << offering;
  EXPECT_EQ(Keys(offering),
            (std::set<std::string>{"components", "customer_uuid", "plugin_options"}))
      << "sparse fields keep exactly the known requested keys";

  auto [providers_status, providers] = Agent(
      "GET", "/api/marketplace-service-providers/?customer_uuid=" + Hex(provider_) + "&field=uuid");
  ASSERT_EQ(providers_status, 200);
  ASSERT_TRUE(providers.is_array());
  ASSERT_FALSE(providers.empty());
  EXPECT_EQ(Keys(providers[0]), std::set<std::string>{"uuid"});
}

TEST_F(WaldurClientCompatTest, OrderLoopOfTheSiteAgent) {
  const std::string create = NewOrder(owner_.token, slurm_);
  const std::string failing =
      NewOrder(owner_.token, slurm_, {{"attributes", {{"name", "second"}}}});
  const std::string list_path = "/api/marketplace-orders/?offering_uuid=" + Hex(slurm_) +
                                "&state=pending-provider&state=executing&page_size=100";
  auto [list_status, orders] = Agent("GET", list_path);
  ASSERT_EQ(list_status, 200);
  ASSERT_TRUE(orders.is_array());
  ASSERT_EQ(orders.size(), 2u) << orders;
  for (const auto& order : orders) {
    for (const char* field : {"uuid", "type", "state", "resource_name", "marketplace_resource_uuid",
                              "limits", "plan_uuid", "backend_id", "attributes"}) {
      EXPECT_TRUE(order.contains(field)) << "the agent reads " << field;
    }
    EXPECT_EQ(order["state"], "pending-provider");
  }

  // ACCEPT: approve with an empty body, then read the order again: executing, not finished.
  auto [approve_status, approved] =
      Agent("POST", "/api/marketplace-orders/" + Hex(create) + "/approve_by_provider/",
            nlohmann::json::object());
  ASSERT_EQ(approve_status, 200) << approved;
  EXPECT_EQ(Agent("GET", "/api/marketplace-orders/" + Hex(create) + "/").second["state"],
            "executing");

  const std::string resource = Hex(Order(create)["marketplace_resource_uuid"]);
  EXPECT_EQ(Agent("GET", "/api/marketplace-provider-resources/" + resource + "/").first, 200);
  EXPECT_EQ(Agent("GET", "/api/marketplace-plans/" + Hex(PlanOf(slurm_)) + "/").first, 200);
  EXPECT_EQ(Agent("POST", "/api/marketplace-provider-resources/" + resource + "/set_backend_id/",
                  nlohmann::json{{"backend_id", "hpc_alloc_1"}})
                .first,
            200);
  EXPECT_EQ(Agent("POST", "/api/marketplace-provider-resources/" + resource + "/set_limits/",
                  nlohmann::json{{"limits", {{"cpu", 4}}}})
                .first,
            200);
  EXPECT_EQ(
      Agent("POST", "/api/marketplace-provider-resources/" + resource + "/set_backend_metadata/",
            nlohmann::json{{"backend_metadata", {{"partition", "gpu"}}}})
          .first,
      200);

  // On done: re-read with sparse fields, then set_state_done with no body at all.
  auto [state_status, state] =
      Agent("GET", "/api/marketplace-orders/" + Hex(create) + "/?field=uuid&field=state");
  ASSERT_EQ(state_status, 200);
  EXPECT_EQ(Keys(state), (std::set<std::string>{"state", "uuid"}));
  EXPECT_EQ(state["state"], "executing");
  EXPECT_EQ(Agent("POST", "/api/marketplace-orders/" + Hex(create) + "/set_state_done/").first,
            200);
  const auto finished = Resource(Order(create)["marketplace_resource_uuid"]);
  EXPECT_EQ(finished["state"], "OK");
  EXPECT_EQ(finished["backend_id"], "hpc_alloc_1");
  EXPECT_EQ(finished["limits"]["cpu"], 4);
  EXPECT_EQ(finished["backend_metadata"]["partition"], "gpu");

  // On an exception: set_state_erred with the message and a Python traceback; the agent's own
  // tests also send hyphenated uuids here.
  ASSERT_EQ(Agent("POST", "/api/marketplace-orders/" + Hex(failing) + "/approve_by_provider/",
                  nlohmann::json::object())
                .first,
            200);
  const std::string traceback =
      "Traceback (most recent call last):\n  File \"agent.py\", line 1\nBackendError: boom";
  EXPECT_EQ(
      Agent("POST", "/api/marketplace-orders/" + failing + "/set_state_erred/",
            nlohmann::json{{"error_message", "sacctmgr failed"}, {"error_traceback", traceback}})
          .first,
      200);
  const auto erred = Order(failing);
  EXPECT_EQ(erred["state"], "erred");
  EXPECT_EQ(erred["error_message"], "sacctmgr failed");
  EXPECT_EQ(erred["error_traceback"], traceback);

  // Usage reporting reads the offering's OK and Erred resources with sparse fields.
  auto [resources_status, resources] = Agent(
      "GET",
      "/api/marketplace-provider-resources/?offering_uuid=" + Hex(slurm_) +
          "&state=OK&state=Erred&field=uuid&field=backend_id&field=name&field=state&field=limits");
  ASSERT_EQ(resources_status, 200);
  ASSERT_EQ(resources.size(), 1u) << resources;
  EXPECT_EQ(resources[0]["backend_id"], "hpc_alloc_1");
  EXPECT_EQ(Keys(resources[0]),
            (std::set<std::string>{"backend_id", "limits", "name", "state", "uuid"}));
}

TEST_F(WaldurClientCompatTest, ListsArePagedByLinkHeaders) {
  for (int i = 0; i < 5; ++i) NewOrder(owner_.token, ActiveOffering("Marketplace.Slurm"));
  std::string path = "/api/marketplace-orders/?state=pending-provider&state=executing&page_size=2";
  std::set<std::string> seen;
  int pages = 0;
  while (!path.empty() && pages < 10) {
    std::string link;
    auto [status, page] = Agent("GET", path, std::nullopt, &link);
    ASSERT_EQ(status, 200);
    for (const auto& order : page) seen.insert(order["uuid"].get<std::string>());
    ++pages;
    std::smatch next;
    static const std::regex kNext(R"re(<http://[^/>]+([^>]*)>;\s*rel="next")re");
    path = std::regex_search(link, next, kNext) ? next[1].str() : "";
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen.size(), 5u);
}

// The agent's calls that orderly leaves out (spec README §1: component usage, offering users,
// resource endpoints, teams, agent registration are out of scope) answer 404 with a detail that
// says why, not a bare "Not found.", and change nothing.
TEST_F(WaldurClientCompatTest, CallsOutOfScopeAnswer404SayingSo) {
  const std::string order = NewOrder(owner_.token, slurm_);
  const std::string resource = Hex(Order(order)["marketplace_resource_uuid"]);
  const std::string before = Order(order).dump();
  const std::vector<std::pair<std::string, std::string>> calls = {
      {"GET", "/api/marketplace-provider-resources/" + resource + "/team/"},
      {"POST", "/api/marketplace-provider-resources/" + resource + "/set_endpoints/"},
      {"GET", "/api/marketplace-offering-users/?offering_uuid=" + Hex(slurm_)},
      {"POST", "/api/marketplace-component-usages/set_usage/"},
      {"GET", "/api/marketplace-component-usages/?resource_uuid=" + resource},
      {"POST", "/api/marketplace-component-usages/" + resource + "/set_user_usages/"},
      {"GET", "/api/marketplace-site-agent-identities/?name=agent-" + Hex(slurm_)},
      {"POST", "/api/marketplace-site-agent-identities/" + resource + "/register_service/"},
  };
  for (const auto& [method, path] : calls) {
    const auto body = method == "POST" ? std::optional<nlohmann::json>(nlohmann::json{
                                             {"usages", {{{"type", "cpu"}, {"amount", "1"}}}},
                                             {"endpoints", {{{"name", "x"}, {"url", "y"}}}}})
                                       : std::nullopt;
    auto [status, answer] = Agent(method, path, body);
    EXPECT_EQ(status, 404) << method << " " << path;
    EXPECT_NE(answer.value("detail", "").find("out of its scope"), std::string::npos)
        << method << " " << path << ": " << answer;
  }
  EXPECT_EQ(Order(order).dump(), before);
  auto [status, answer] = Agent("GET", "/api/marketplace-no-such-thing/");
  EXPECT_EQ(status, 404);
  EXPECT_EQ(answer["detail"], "Not found.");
}

}  // namespace
}  // namespace orderly::testing
