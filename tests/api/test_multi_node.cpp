// Several nodes on one PostgreSQL database (issue 6): two API nodes without workers and two
// `orderly worker` nodes. Orders placed and approved through both API nodes all finish, no job
// runs twice, racing approvals through different nodes let exactly one through, and the jobs of a
// worker killed mid-job are finished by the other one. PostgreSQL only: skipped on SQLite.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <latch>
#include <map>
#include <set>
#include <thread>

#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

class MultiNodeTest : public ApiTest {
 protected:
  std::vector<std::string> ExtraServerArgs() const override { return {"--workers", "0"}; }

  void SetUp() override {
    if (TestPostgresUrl().empty())
      GTEST_SKIP() << "multi-node runs need PostgreSQL (ORDERLY_TEST_DB)";
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    second_ = std::make_unique<ServerProcess>(server().db_url(),
                                              std::vector<std::string>{"--workers", "0"});
    second_->Start();
    clients_[0] = &api();
    second_client_ = std::make_unique<ApiClient>(second_->port());
    clients_[1] = second_client_.get();

    const auto customer = MakeCustomer("Org");
    MakeProvider(customer["uuid"]);
    project_ = MakeProject(customer["uuid"], "Lab")["uuid"];
    ledger_ = server().directory() / "ledger.txt";
    // The provider reviews every order, so each one is approved through an API node.
    const auto created = api().Post(
        "/api/marketplace-provider-offerings/",
        {{"name", "VMs"},
         {"customer", customer["uuid"]},
         {"type", "Marketplace.Script"},
         {"plugin_options", {{"auto_approve_marketplace_script", false}}},
         {"secret_options",
          {{"language", "shell"},
           {"create", "sleep 0.02\necho $ORDER_UUID >> " + ledger_.string() + "\necho vm"}}},
         {"components", {{{"type", "cpu"}, {"billing_type", "limit"}, {"max_value", 64}}}}},
        staff_token());
    ASSERT_EQ(created.status, 201) << created.text;
    offering_ = created.body["uuid"];
    ASSERT_EQ(api()
                  .Post("/api/marketplace-provider-offerings/" + offering_ + "/activate/", {},
                        staff_token())
                  .status,
              200);
  }

  // Both workers share one directory of script runs, as worker machines would share a volume:
  // a run started under a killed worker is then read by the other, not repeated.
  std::unique_ptr<WorkerProcess> Worker() {
    auto worker = std::make_unique<WorkerProcess>(
        server().db_url(),
        std::vector<std::string>{"--workers", "2", "--lease-seconds", "3", "--script-runs-dir",
                                 (server().directory() / "shared-runs").string()});
    worker->Start();
    return worker;
  }

  std::string PlaceOrder(int node, int i) {
    const auto created =
        clients_[node % 2]->Post("/api/marketplace-orders/",
                                 {{"project", project_},
                                  {"offering", offering_},
                                  {"attributes", {{"name", "vm" + std::to_string(i)}}},
                                  {"limits", {{"cpu", 1}}}},
                                 staff_token());
    EXPECT_EQ(created.status, 201) << created.text;
    EXPECT_EQ(created.body.value("state", ""), "pending-provider");
    return created.body.value("uuid", "");
  }

  int Approve(ApiClient& client, const std::string& order) {
    return client
        .Post("/api/marketplace-orders/" + order + "/approve_by_provider/", json::object(),
              staff_token())
        .status;
  }

  // Polls (bounded) until no order of the offering is pending or executing any more.
  void WaitUntilSettled(std::size_t orders) {
    for (int i = 0; i < 1200; ++i) {
      const auto done = api().Get("/api/marketplace-orders/?state=done&page_size=1", staff_token());
      if (std::stoul(done.Header("X-Result-Count")) >= orders) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }

  std::multiset<std::string> Ledger() const {
    std::ifstream in(ledger_);
    std::multiset<std::string> ran;
    for (std::string line; std::getline(in, line);) ran.insert(line);
    return ran;
  }

  std::string Scalar(const std::string& sql) { return PostgresScalar(server().db_url(), sql); }

  std::unique_ptr<ServerProcess> second_;
  std::unique_ptr<ApiClient> second_client_;
  ApiClient* clients_[2] = {nullptr, nullptr};
  std::string project_, offering_;
  std::filesystem::path ledger_;
};

TEST_F(MultiNodeTest, FiveHundredOrdersThroughTwoApiNodesRunOnceEach) {
  auto first_worker = Worker();
  auto second_worker = Worker();
  constexpr int kOrders = 500;
  std::vector<std::string> orders;
  for (int i = 0; i < kOrders; ++i) {
    const std::string order = PlaceOrder(i, i);
    ASSERT_FALSE(order.empty());
    ASSERT_EQ(Approve(*clients_[(i + 1) % 2], order), 200) << order;
    orders.push_back(order);
  }
  WaitUntilSettled(orders.size());
  for (const auto& order : orders) {
    ASSERT_EQ(api().Get("/api/marketplace-orders/" + order + "/", staff_token()).body["state"],
              "done")
        << order;
  }
  const auto ran = Ledger();
  EXPECT_EQ(ran.size(), orders.size());
  for (const auto& order : orders)
    EXPECT_EQ(ran.count(order), 1u) << order << " ran " << ran.count(order) << " times";
  // Both workers took part.
  EXPECT_EQ(Scalar("SELECT COUNT(DISTINCT split_part(lease_owner, '-', 1)) FROM jobs"), "2");
}

TEST_F(MultiNodeTest, RacingApprovalsThroughTwoNodesLetOneThrough) {
  constexpr int kOrders = 20;
  for (int i = 0; i < kOrders; ++i) {
    const std::string order = PlaceOrder(i, i);
    int statuses[2] = {0, 0};
    std::latch ready(2);
    std::vector<std::thread> threads;
    for (int node = 0; node < 2; ++node) {
      threads.emplace_back([&, node] {
        ApiClient client(node == 0 ? server().port() : second_->port());
        ready.arrive_and_wait();
        statuses[node] = Approve(client, order);
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(std::min(statuses[0], statuses[1]), 200) << order;
    EXPECT_EQ(std::max(statuses[0], statuses[1]), 409) << order;
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM events WHERE scope_uuid = '" + order +
                     "' AND event_type = 'marketplace_order_approved'"),
              "1");
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM jobs"), std::to_string(kOrders));
}

TEST_F(MultiNodeTest, JobsOfAKilledWorkerAreFinishedByTheOther) {
  constexpr int kOrders = 60;
  std::vector<std::string> orders;
  for (int i = 0; i < kOrders; ++i) {
    orders.push_back(PlaceOrder(i, i));
    ASSERT_EQ(Approve(*clients_[i % 2], orders.back()), 200);
  }
  // With every job queued, start a worker and kill it as soon as it holds jobs.
  auto doomed = Worker();
  const std::string owner = "pid" + std::to_string(doomed->pid()) + "-%";
  const std::string held_query =
      "SELECT COALESCE(string_agg(id::text, ','), '') FROM jobs WHERE state = 'running' AND "
      "lease_owner LIKE '" +
      owner + "'";
  for (int i = 0; i < 600 && Scalar(held_query).empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  doomed->Kill();
  const std::string held = Scalar(held_query);
  ASSERT_FALSE(held.empty()) << "the worker was killed while it held no job";

  auto survivor = Worker();
  WaitUntilSettled(orders.size());
  for (const auto& order : orders) {
    ASSERT_EQ(api().Get("/api/marketplace-orders/" + order + "/", staff_token()).body["state"],
              "done")
        << order;
  }
  // The jobs the killed worker held were taken over by the survivor once their leases ran out.
  const auto held_count = std::count(held.begin(), held.end(), ',') + 1;
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM jobs WHERE id IN (" + held +
                   ") AND state = 'done' AND lease_owner NOT LIKE '" + owner + "'"),
            std::to_string(held_count));
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM jobs WHERE state <> 'done'"), "0");
  const auto ran = Ledger();
  EXPECT_EQ(ran.size(), orders.size());
  for (const auto& order : orders)
    EXPECT_EQ(ran.count(order), 1u) << order << " ran " << ran.count(order) << " times";
}

}  // namespace
}  // namespace orderly::testing
