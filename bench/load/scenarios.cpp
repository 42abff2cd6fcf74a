#include "load/scenarios.hpp"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <mutex>
#include <stdexcept>

namespace orderly::bench {
namespace {

constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr int kConflict = 409;

std::string OrderPath(const std::string& uuid, std::string_view action = {}) {
  std::string path = "/api/marketplace-orders/" + uuid + "/";
  if (!action.empty()) path.append(action).append("/");
  return path;
}

// The body of a Create order on the given Basic offering; the owner of the project's organization
// places it, so it skips consumer review and lands in pending-provider.
std::string CreateOrderBody(const World& world, const World::Offering& offering) {
  return nlohmann::json{{"project", world.project_uuid},
                        {"offering", offering.uuid},
                        {"plan", offering.plan_uuid},
                        {"attributes", {{"name", "bench"}}},
                        {"limits", nlohmann::json::object()}}
      .dump();
}

std::string Login(unsigned short port, const std::string& username, const std::string& password) {
  asio::io_context io;
  std::string token;
  const std::string body = nlohmann::json{{"username", username}, {"password", password}}.dump();
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        HttpConnection connection(io.get_executor(), port, std::chrono::seconds(30));
        const auto reply =
            co_await connection.Send(BuildRequest("POST", "/api-auth/password/", port, "", body));
        if (reply.status != kOk) {
          throw std::runtime_error("login of " + username + " failed with status " +
                                   std::to_string(reply.status) + ": " + reply.body);
        }
        token = nlohmann::json::parse(reply.body).at("token").get<std::string>();
        connection.Close();
      },
      [](std::exception_ptr error) {
        if (error) std::rethrow_exception(error);
      });
  io.run();
  return token;
}

// A scenario of one request that expects one status.
class SingleRequestScenario : public Scenario {
 public:
  SingleRequestScenario(std::string step, std::vector<std::string> requests)
      : step_(std::move(step)), requests_(std::move(requests)) {}

  std::vector<std::string> StepNames() const override { return {step_}; }

  asio::awaitable<bool> RunOnce(Client& client) override {
    const auto& request =
        requests_.size() == 1 ? requests_.front() : requests_[client.random() % requests_.size()];
    const auto reply = co_await client.Step(0, request);
    co_return reply.status == kOk;
  }

 private:
  std::string step_;
  std::vector<std::string> requests_;  // one is picked at random for each operation
};

class Lifecycle : public Scenario {
 public:
  Lifecycle(unsigned short port, const World& world)
      : port_(port),
        world_(world),
        create_(BuildRequest("POST", "/api/marketplace-orders/", port, world.owner_token,
                             CreateOrderBody(world, world.offerings.front()))) {}

  std::vector<std::string> StepNames() const override {
    return {"create", "approve_by_provider", "set_state_done"};
  }

  asio::awaitable<bool> RunOnce(Client& client) override {
    const auto created = co_await client.Step(0, create_);
    if (created.status != kCreated) co_return false;
    const std::string uuid = ExtractStringField(created.body, "uuid");
    if (uuid.empty()) co_return false;
    const auto approved = co_await client.Step(
        1,
        BuildRequest("POST", OrderPath(uuid, "approve_by_provider"), port_, world_.provider_token));
    if (approved.status != kOk) co_return false;
    const auto done = co_await client.Step(
        2, BuildRequest("POST", OrderPath(uuid, "set_state_done"), port_, world_.provider_token));
    co_return done.status == kOk;
  }

 private:
  unsigned short port_;
  const World& world_;
  std::string create_;
};

class Contention : public Scenario {
 public:
  Contention(unsigned short port, const World& world, int hot_orders)
      : port_(port),
        world_(world),
        create_(BuildRequest("POST", "/api/marketplace-orders/", port, world.owner_token,
                             CreateOrderBody(world, world.offerings.front()))),
        slots_(static_cast<std::size_t>(std::max(hot_orders, 1))) {}

  std::vector<std::string> StepNames() const override {
    return {"approve_by_provider", "set_state_done", "create (replacement)"};
  }

  asio::awaitable<void> Prepare(Client& client) override {
    for (auto& slot : slots_) {
      const auto created = co_await client.connection.Send(create_);
      if (created.status != kCreated) {
        throw std::runtime_error("contention: placing a hot order failed with status " +
                                 std::to_string(created.status) + ": " + created.body);
      }
      slot = ExtractStringField(created.body, "uuid");
    }
  }

  asio::awaitable<bool> RunOnce(Client& client) override {
    const std::size_t slot = client.random() % slots_.size();
    std::string uuid;
    {
      std::lock_guard lock(mutex_);
      uuid = slots_[slot];
    }
    // Both steps are tried whatever the first answered: a client that lost the approval may
    // still win the completion, as concurrent users would.
    const auto approved = co_await client.Step(
        0,
        BuildRequest("POST", OrderPath(uuid, "approve_by_provider"), port_, world_.provider_token));
    const auto done = co_await client.Step(
        1, BuildRequest("POST", OrderPath(uuid, "set_state_done"), port_, world_.provider_token));
    bool ok = Expected(approved.status) && Expected(done.status);
    if (done.status == kOk) {
      if (client.measuring) ++completed_;
      const auto created = co_await client.Step(2, create_);
      const std::string replacement = ExtractStringField(created.body, "uuid");
      ok = ok && created.status == kCreated && !replacement.empty();
      if (!replacement.empty()) {
        std::lock_guard lock(mutex_);
        slots_[slot] = replacement;
      }
    }
    co_return ok;
  }

  nlohmann::json Details(double measured_seconds) const override {
    return {{"hot_orders", slots_.size()},
            {"orders_completed", completed_.load()},
            {"orders_completed_per_s", static_cast<double>(completed_.load()) / measured_seconds}};
  }

 private:
  static bool Expected(int status) { return status == kOk || status == kConflict; }

  unsigned short port_;
  const World& world_;
  std::string create_;
  std::mutex mutex_;
  std::vector<std::string> slots_;
  std::atomic<std::int64_t> completed_{0};
};

// "2026-11-26T21:29:08.123456Z" (the service clock's format) as microseconds since the epoch;
// nullopt for anything else.
std::optional<std::int64_t> MicrosOf(const nlohmann::json& value) {
  if (!value.is_string()) return std::nullopt;
  std::tm utc{};
  long long micros = 0;
  if (std::sscanf(value.get<std::string>().c_str(), "%d-%d-%dT%d:%d:%d.%6lldZ", &utc.tm_year,
                  &utc.tm_mon, &utc.tm_mday, &utc.tm_hour, &utc.tm_min, &utc.tm_sec,
                  &micros) != 7) {
    return std::nullopt;
  }
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&utc)) * 1'000'000 + micros;
}

class Processing : public Scenario {
 public:
  Processing(unsigned short port, const World& world)
      : port_(port),
        world_(world),
        create_(BuildRequest("POST", "/api/marketplace-orders/", port, world.owner_token,
                             CreateOrderBody(world, world.script_offering))) {}

  std::vector<std::string> StepNames() const override {
    return {"create", "approve_by_provider", "GET order (poll until done)"};
  }

  asio::awaitable<bool> RunOnce(Client& client) override {
    const auto created = co_await client.Step(0, create_);
    if (created.status != kCreated) co_return false;
    const std::string uuid = ExtractStringField(created.body, "uuid");
    if (uuid.empty()) co_return false;
    const auto approved = co_await client.Step(
        1,
        BuildRequest("POST", OrderPath(uuid, "approve_by_provider"), port_, world_.provider_token));
    if (approved.status != kOk) co_return false;
    // Polls every 5 ms; bounded, so a stuck queue fails the operation instead of hanging.
    const std::string get = BuildRequest("GET", OrderPath(uuid), port_, world_.owner_token);
    asio::steady_timer pause(client.executor);
    for (int poll = 0; poll < 4000; ++poll) {
      const auto reply = co_await client.Step(2, get);
      if (reply.status != kOk) co_return false;
      const auto order = nlohmann::json::parse(reply.body, nullptr, false);
      const std::string state = order.is_object() ? order.value("state", "") : "";
      if (state == "done") {
        co_return Record(client.measuring, order);
      }
      if (state == "erred" || state == "canceled" || state == "rejected") co_return false;
      pause.expires_after(std::chrono::milliseconds(5));
      co_await pause.async_wait(asio::use_awaitable);
    }
    co_return false;
  }

  nlohmann::json Details(double measured_seconds) const override {
    std::lock_guard lock(mutex_);
    return {{"orders_done_per_s", static_cast<double>(to_done_.Count()) / measured_seconds},
            {"queue_delay_to_start", to_start_.SummaryJson()},
            {"queue_delay_to_done", to_done_.SummaryJson()}};
  }

 private:
  // Server clock: approval (provider_reviewed_at) -> the script's start (the time it printed,
  // now the backend_id) and -> done (completed_at).
  bool Record(bool measuring, const nlohmann::json& order) {
    const auto approved = MicrosOf(order.value("provider_reviewed_at", nlohmann::json()));
    const auto completed = MicrosOf(order.value("completed_at", nlohmann::json()));
    const std::string started_text = order.value("backend_id", "");
    if (!approved || !completed || started_text.empty()) return false;
    const auto started = static_cast<std::int64_t>(std::stod(started_text) * 1e6);
    if (measuring) {
      std::lock_guard lock(mutex_);
      to_start_.Add((started - *approved) * 1000);
      to_done_.Add((*completed - *approved) * 1000);
    }
    return true;
  }

  unsigned short port_;
  const World& world_;
  std::string create_;
  mutable std::mutex mutex_;
  mutable LatencyRecorder to_start_;
  mutable LatencyRecorder to_done_;
};

}  // namespace

World LoadWorld(const std::string& path, unsigned short port) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot read " + path);
  const auto json = nlohmann::json::parse(file);
  World world;
  world.project_uuid = json.at("project_uuid").get<std::string>();
  for (const auto& offering : json.at("offerings")) {
    world.offerings.push_back(
        {offering.at("uuid").get<std::string>(), offering.at("plan_uuid").get<std::string>()});
  }
  if (json.contains("script_offering")) {
    world.script_offering = {json.at("script_offering").at("uuid").get<std::string>(),
                             json.at("script_offering").at("plan_uuid").get<std::string>()};
  }
  world.sample_order_uuids = json.at("sample_order_uuids").get<std::vector<std::string>>();
  const auto& users = json.at("users");
  world.owner_token =
      Login(port, users.at("owner").at("username"), users.at("owner").at("password"));
  world.provider_token =
      Login(port, users.at("provider").at("username"), users.at("provider").at("password"));
  if (world.offerings.empty()) throw std::runtime_error(path + " lists no offerings");
  return world;
}

std::unique_ptr<Scenario> HealthScenario(unsigned short port) {
  return std::make_unique<SingleRequestScenario>(
      "GET /health/", std::vector<std::string>{BuildRequest("GET", "/health/", port, "")});
}

std::unique_ptr<Scenario> GetOrderScenario(unsigned short port, const World& world) {
  if (world.sample_order_uuids.empty()) throw std::runtime_error("get_order needs a seeded store");
  std::vector<std::string> requests;
  for (const auto& uuid : world.sample_order_uuids) {
    requests.push_back(BuildRequest("GET", OrderPath(uuid), port, world.owner_token));
  }
  return std::make_unique<SingleRequestScenario>("GET order", std::move(requests));
}

std::unique_ptr<Scenario> ListOrdersScenario(unsigned short port, const World& world) {
  std::vector<std::string> requests;
  for (const auto& offering : world.offerings) {
    requests.push_back(BuildRequest(
        "GET",
        "/api/marketplace-orders/?state=executing&offering_uuid=" + offering.uuid + "&o=-created",
        port, world.owner_token));
  }
  return std::make_unique<SingleRequestScenario>("GET filtered list", std::move(requests));
}

std::unique_ptr<Scenario> LifecycleScenario(unsigned short port, const World& world) {
  return std::make_unique<Lifecycle>(port, world);
}

std::unique_ptr<Scenario> ProcessingScenario(unsigned short port, const World& world) {
  if (world.script_offering.uuid.empty())
    throw std::runtime_error("processing needs a world.json with a script_offering");
  return std::make_unique<Processing>(port, world);
}

std::unique_ptr<Scenario> ContentionScenario(unsigned short port, const World& world,
                                             int hot_orders) {
  return std::make_unique<Contention>(port, world, hot_orders);
}

}  // namespace orderly::bench
