// Crash safety (issue 9): several clients run a mixed load of order actions on a Basic and a
// Script offering (the Script one through the job queue) while the server is SIGKILLed at random
// moments and restarted on the same database. Afterwards every acknowledged action is present,
// every order's and resource's state agrees with its event log under the domain's own tables, and
// no job is lost or stuck.
//
// Seeded: ORDERLY_CRASH_SEED=<n> repeats a run's choices (thread timing still varies);
// ORDERLY_CRASH_KILLS=<n> sets the number of kills (default 12; 200 for a soak).
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "history_rules.hpp"
#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::atoi(value) : fallback;
}

// body[key] when it is a string, else "".
std::string Text(const json& body, const char* key) {
  if (!body.is_object() || !body.contains(key) || !body[key].is_string()) return "";
  return body[key].get<std::string>();
}

// An action that got a 2xx: the order must be in one of `states` or somewhere reachable from them.
struct Acknowledged {
  std::string order;
  std::string what;  // action name, or "create"
  std::set<domain::OrderState> states;
};

// What every client thread shares: the orders it knows of and what the server acknowledged.
class Ledger {
 public:
  void AddOrder(const std::string& uuid, bool script) {
    std::lock_guard lock(mutex_);
    (script ? script_orders_ : basic_orders_).push_back(uuid);
  }
  // One of the most recent orders (older ones have mostly settled), or "" when none.
  std::string PickOrder(std::mt19937& random, bool script) {
    std::lock_guard lock(mutex_);
    const auto& orders = script ? script_orders_ : basic_orders_;
    if (orders.empty()) return "";
    const std::size_t window = std::min<std::size_t>(orders.size(), 30);
    return orders[orders.size() - 1 - random() % window];
  }
  void Acknowledge(Acknowledged ack) {
    std::lock_guard lock(mutex_);
    acks_.push_back(std::move(ack));
  }
  void CountStatus(int status) {
    std::lock_guard lock(mutex_);
    ++statuses_[status];
  }

  std::vector<Acknowledged> acks() const { return acks_; }
  std::vector<std::string> script_orders() const { return script_orders_; }
  std::map<int, int> statuses() const { return statuses_; }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> basic_orders_, script_orders_;
  std::vector<Acknowledged> acks_;
  std::map<int, int> statuses_;
};

class CrashUnderMixedLoadTest : public ScenarioTest {
 protected:
  std::vector<std::string> ExtraServerArgs() const override {
    // A dead server's jobs are taken again 3 s after its last lease renewal.
    return {"--workers",           "2", "--lease-seconds", "3",
            "--periodic-interval", "1", "--log-level",     "warn"};
  }

  void SetUp() override {
    ScenarioTest::SetUp();
    if (HasFatalFailure()) return;
    script_ = ActiveOffering("Marketplace.Script");
  }

  enum class Role { kConsumer, kProvider, kStaff };

  // One client's load until the server dies under it (or `stop` is set).
  void RunClient(Role role, int port, unsigned seed, const std::atomic<bool>& stop) {
    ApiClient client(port);
    std::mt19937 random(seed);
    try {
      while (!stop) {
        switch (role) {
          case Role::kConsumer: ConsumerStep(client, random); break;
          case Role::kProvider: ProviderStep(client, random); break;
          case Role::kStaff: StaffStep(client, random); break;
        }
      }
    } catch (const std::exception&) {
      // The server was killed under this client: expected.
    }
  }

  ApiResponse Counted(ApiResponse response) {
    ledger_.CountStatus(response.status);
    return response;
  }

  void PlaceOrder(ApiClient& client, const std::string& token, const std::string& offering,
                  bool script) {
    const auto created = Counted(client.Post("/api/marketplace-orders/",
                                             {{"project", project_},
                                              {"offering", offering},
                                              {"plan", PlanOf(offering)},
                                              {"attributes", {{"name", "vm"}}},
                                              {"limits", {{"cpu", 2}}}},
                                             token));
    if (created.status != 201 || !created.body.contains("uuid")) return;
    const std::string uuid = created.body["uuid"];
    ledger_.AddOrder(uuid, script);
    const auto state = OrderStateNamed(Text(created.body, "state"));
    ledger_.Acknowledge({uuid, "create", {state.value_or(domain::OrderState::kPendingConsumer)}});
  }

  // GET the order as `token` and take one of the `allowed` actions it offers, if any.
  void ActOnOrder(ApiClient& client, std::mt19937& random, const std::string& token,
                  const std::string& order, const std::vector<std::string>& allowed) {
    const auto read = Counted(client.Get("/api/marketplace-orders/" + order + "/", token));
    if (read.status != 200 || !read.body.is_object()) return;
    std::vector<std::string> choices;
    for (const auto& offered : read.body.value("available_actions", json::array())) {
      if (!offered.is_string()) continue;
      const std::string action = offered.get<std::string>();
      if (std::find(allowed.begin(), allowed.end(), action) != allowed.end())
        choices.push_back(action);
    }
    if (choices.empty()) return;
    std::string action = choices[random() % choices.size()];
    // Actions that end or undo an order are drawn again once, so that orders also move forward.
    if (action == "set_state_erred" || action.starts_with("reject") || action == "cancel") {
      action = choices[random() % choices.size()];
    }
    json body = json::object();
    if (action == "set_state_erred") body = {{"error_message", "crash test"}};
    const auto acted =
        Counted(client.Post("/api/marketplace-orders/" + order + "/" + action + "/", body, token));
    if (acted.status / 100 != 2) return;
    const auto parsed = domain::OrderActionByName(action);
    ledger_.Acknowledge(
        {order, action, parsed ? StatesAfter(*parsed) : std::set<domain::OrderState>{}});
  }

  // POST a resource action that places an order; the new order is acknowledged as existing.
  void ActOnResource(ApiClient& client, const std::string& token, const std::string& order,
                     const std::string& action, const json& body, bool script) {
    const auto read = Counted(client.Get("/api/marketplace-orders/" + order + "/", token));
    const std::string resource = Text(read.body, "marketplace_resource_uuid");
    if (read.status != 200 || resource.empty()) return;
    const auto placed = Counted(
        client.Post("/api/marketplace-resources/" + resource + "/" + action + "/", body, token));
    const std::string placed_order =
        placed.status / 100 == 2 ? Text(placed.body, "order_uuid") : "";
    if (placed_order.empty()) return;
    ledger_.AddOrder(placed_order, script);
    ledger_.Acknowledge({placed_order, action, {domain::OrderState::kPendingConsumer}});
  }

  void ConsumerStep(ApiClient& client, std::mt19937& random) {
    const int dice = static_cast<int>(random() % 10);
    if (dice < 3) {
      // The manager's orders wait for the owner; the owner's go straight to the provider.
      PlaceOrder(client, dice == 0 ? manager_.token : owner_.token, basic_, false);
      return;
    }
    const std::string order = ledger_.PickOrder(random, false);
    if (order.empty()) return;
    if (dice == 3) {
      ActOnResource(client, owner_.token, order, "terminate", json::object(), false);
      return;
    }
    ActOnOrder(client, random, owner_.token, order,
               {"approve_by_consumer", "reject_by_consumer", "cancel"});
  }

  void ProviderStep(ApiClient& client, std::mt19937& random) {
    const std::string order = ledger_.PickOrder(random, false);
    if (order.empty()) return;
    ActOnOrder(client, random, provider_owner_.token, order,
               {"approve_by_provider", "reject_by_provider", "set_state_done", "set_state_erred",
                "retry"});
  }

  void StaffStep(ApiClient& client, std::mt19937& random) {
    const int dice = static_cast<int>(random() % 10);
    if (dice < 5) {
      PlaceOrder(client, staff_token(), script_, true);
      return;
    }
    const std::string order = ledger_.PickOrder(random, true);
    if (order.empty()) return;
    if (dice < 8) {
      ActOnResource(client, staff_token(), order, "update_limits",
                    {{"limits", {{"cpu", 1 + static_cast<int>(random() % 8)}}}}, true);
    } else {
      ActOnResource(client, staff_token(), order, "terminate", json::object(), true);
    }
  }

  // GET a whole collection, page by page.
  json ListAll(const std::string& path) {
    json all = json::array();
    for (int page = 1; page < 1000; ++page) {
      const auto response =
          api().Get(path + "?page_size=300&page=" + std::to_string(page), staff_token());
      EXPECT_EQ(response.status, 200) << response.text;
      if (response.status != 200 || !response.body.is_array()) break;
      for (const auto& item : response.body) all.push_back(item);
      if (response.body.size() < 300) break;
    }
    return all;
  }

  json EventsOldestFirst(const std::string& scope) {
    json events = Events(scope);
    std::reverse(events.begin(), events.end());
    return events;
  }

  // orderly_jobs{state="..."} from /metrics.
  std::map<std::string, long> JobCounts() {
    std::map<std::string, long> counts;
    const auto metrics = api().Get("/metrics", staff_token());
    std::istringstream lines(metrics.text);
    for (std::string line; std::getline(lines, line);) {
      const std::string prefix = "orderly_jobs{state=\"";
      if (!line.starts_with(prefix)) continue;
      const auto quote = line.find('"', prefix.size());
      counts[line.substr(prefix.size(), quote - prefix.size())] =
          std::stol(line.substr(line.rfind(' ') + 1));
    }
    return counts;
  }

  bool JobsSettled() {
    const auto counts = JobCounts();
    for (const char* open : {"queued", "running"}) {
      const auto found = counts.find(open);
      if (found != counts.end() && found->second > 0) return false;
    }
    for (const auto& uuid : ledger_.script_orders()) {
      const auto order = api().Get("/api/marketplace-orders/" + uuid + "/", staff_token());
      const auto state = OrderStateNamed(Text(order.body, "state"));
      if (!state || !domain::IsTerminal(*state)) return false;
    }
    return true;
  }

  std::string script_;
  Ledger ledger_;
};

TEST_F(CrashUnderMixedLoadTest, AcknowledgedActionsSurviveKillsAndHistoriesAgreeWithTheDomain) {
  const unsigned seed = static_cast<unsigned>(EnvInt("ORDERLY_CRASH_SEED", std::random_device{}()));
  const int kills = std::max(1, EnvInt("ORDERLY_CRASH_KILLS", 12));
  std::cout << "crash test: seed " << seed << " (ORDERLY_CRASH_SEED), " << kills << " kills on "
            << (server().on_postgres() ? "PostgreSQL" : "SQLite") << std::endl;
  std::mt19937 random(seed);
  const auto started = Clock::now();

  for (int kill = 0; kill < kills; ++kill) {
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    const Role roles[] = {Role::kConsumer, Role::kConsumer, Role::kProvider, Role::kProvider,
                          Role::kStaff};
    for (std::size_t c = 0; c < std::size(roles); ++c) {
      clients.emplace_back([this, &stop, role = roles[c], port = server().port(),
                            client_seed = seed + static_cast<unsigned>(kill * 100 + c)] {
        RunClient(role, port, client_seed, stop);
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200 + random() % 1300));
    server().Kill();
    stop = true;
    for (auto& client : clients) client.join();
    server().Start();
    Reconnect();
    ASSERT_EQ(api().Get("/health/").status, 200);
  }
  const auto load_ended = Clock::now();

  // After the last restart the workers finish what was queued or left running (a dead server's
  // lease runs out within 3 s); bounded: 120 s is far beyond what 2 workers need.
  bool settled = false;
  for (int i = 0; i < 600 && !settled; ++i) {
    settled = JobsSettled();
    if (!settled) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_TRUE(settled) << "jobs still open or Script orders not final: "
                       << json(JobCounts()).dump();

  const auto acks = ledger_.acks();
  const auto statuses = ledger_.statuses();
  EXPECT_EQ(statuses.count(500) + statuses.count(502) + statuses.count(503), 0u)
      << "server errors under load: " << json(statuses).dump();
  ASSERT_GT(acks.size(), static_cast<std::size_t>(5 * kills)) << "too little load to mean anything";

  // Every order: its log replays through the domain's moves to its state.
  std::map<std::string, json> orders;
  std::map<std::string, std::map<std::string, json>> orders_of_resource;
  for (const auto& order : ListAll("/api/marketplace-orders/")) {
    orders[order["uuid"]] = order;
    orders_of_resource[order["marketplace_resource_uuid"]][order["uuid"]] = order;
  }
  for (const auto& [uuid, order] : orders) {
    EXPECT_EQ(ReplayOrderLog(EventsOldestFirst(uuid), order.value("state", "")), "")
        << "order " << uuid << " " << order.dump();
  }

  // Every acknowledged action: the order exists and is where the action left it or beyond.
  std::map<std::string, int> acknowledged_by_action;
  for (const auto& ack : acks) {
    ++acknowledged_by_action[ack.what];
    const auto found = orders.find(ack.order);
    ASSERT_NE(found, orders.end())
        << ack.what << " of order " << ack.order << " was acknowledged but is lost";
    if (ack.states.empty()) continue;
    const auto state = OrderStateNamed(found->second.value("state", ""));
    ASSERT_TRUE(state.has_value());
    EXPECT_TRUE(ReachableFrom(ack.states).contains(*state))
        << ack.what << " of order " << ack.order << " was acknowledged, but the order is "
        << domain::NameOf(*state);
  }

  // Every resource: its log replays, each move an order caused is the domain's, and a resource
  // waiting for an order has an open one.
  for (const auto& [resource_uuid, its_orders] : orders_of_resource) {
    const auto resource = Resource(resource_uuid);
    EXPECT_EQ(ReplayResourceLog(EventsOldestFirst(resource_uuid), resource, its_orders), "")
        << "resource " << resource_uuid << " " << resource.dump();
    const auto state = ResourceStateNamed(resource.value("state", ""));
    ASSERT_TRUE(state.has_value());
    if (!domain::IsTransitional(*state)) continue;
    bool open = false;
    for (const auto& [order_uuid, order] : its_orders) {
      open = open || !domain::IsTerminal(*OrderStateNamed(order.value("state", "")));
    }
    EXPECT_TRUE(open) << "resource " << resource_uuid << " is " << resource["state"]
                      << " with no open order";
  }

  const auto seconds = [](auto duration) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count() / 1000.0;
  };
  std::cout << "crash test: " << kills << " kills survived, " << acks.size()
            << " acknowledged actions " << json(acknowledged_by_action).dump() << ", "
            << orders.size() << " orders, " << orders_of_resource.size()
            << " resources checked; responses " << json(statuses).dump() << "; load "
            << seconds(load_ended - started) << " s, settle and check "
            << seconds(Clock::now() - load_ended) << " s" << std::endl;
}

}  // namespace
}  // namespace orderly::testing
