// Concurrent requests on one order or resource: the state machine must let exactly one transition
// through and log exactly one event for it (each request its own client, all released together).
#include <functional>
#include <latch>
#include <thread>

#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

class RaceTest : public ScenarioTest {
 protected:
  // Runs request(i, client) for i in [0, n) on n threads, each with its own client, all released
  // at once; returns each call's status.
  std::vector<int> Race(int n, const std::function<int(int, ApiClient&)>& request) {
    std::vector<int> statuses(n, 0);
    std::latch ready(n);
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        ApiClient client(server().port());
        ready.arrive_and_wait();
        statuses[i] = request(i, client);
      });
    }
    for (auto& thread : threads) thread.join();
    return statuses;
  }

  static int Count(const std::vector<int>& statuses, int status) {
    return static_cast<int>(std::count(statuses.begin(), statuses.end(), status));
  }

  static std::function<int(int, ApiClient&)> Post(const std::string& order,
                                                  const std::string& action,
                                                  const std::string& token,
                                                  const json& body = json::object()) {
    return [=](int, ApiClient& client) {
      return client.Post("/api/marketplace-orders/" + order + "/" + action + "/", body, token)
          .status;
    };
  }
};

TEST_F(RaceTest, FiftyConcurrentProviderApprovalsSucceedOnce) {
  const std::string order = NewOrder(owner_.token, basic_);
  ASSERT_EQ(Order(order)["state"], "pending-provider");
  const auto statuses = Race(50, Post(order, "approve_by_provider", provider_owner_.token));
  EXPECT_EQ(Count(statuses, 200), 1);
  EXPECT_EQ(Count(statuses, 409), 49);
  EXPECT_EQ(Order(order)["state"], "executing");
  const auto events = Events(order);
  EXPECT_EQ(CountEvents(events, "marketplace_order_approved"), 1) << events.dump();
}

TEST_F(RaceTest, ConcurrentSetStateDoneSucceedsOnce) {
  const std::string order = ExecutingOrder(basic_);
  const auto statuses = Race(20, Post(order, "set_state_done", provider_owner_.token));
  EXPECT_EQ(Count(statuses, 200), 1);
  EXPECT_EQ(Count(statuses, 409), 19);
  EXPECT_EQ(Order(order)["state"], "done");
  EXPECT_EQ(ResourceStateOf(order), "OK");
  EXPECT_EQ(CountEvents(Events(order), "marketplace_order_completed"), 1);
  EXPECT_EQ(CountEvents(Events(ResourceUuidOf(order)), "marketplace_resource_create_succeeded"), 1);
}

// set_state_done needs an executing order; set_state_erred has no state check (domain.md §5.2 #12,
// §3.13 "any -> erred"). Whatever the interleaving, a done can only win if it came first, and then
// every erred still lands after it.
TEST_F(RaceTest, ConcurrentDoneAndErredSerialize) {
  const std::string order = ExecutingOrder(basic_);
  const auto statuses = Race(20, [&](int i, ApiClient& client) {
    const std::string path = "/api/marketplace-orders/" + order + "/";
    if (i % 2 == 0)
      return client.Post(path + "set_state_done/", json::object(), provider_owner_.token).status;
    return client
        .Post(path + "set_state_erred/", {{"error_message", "e" + std::to_string(i)}},
              provider_owner_.token)
        .status;
  });
  int done_ok = 0, done_conflict = 0, erred_ok = 0;
  for (int i = 0; i < 20; ++i) {
    if (i % 2 == 0) {
      done_ok += statuses[i] == 200;
      done_conflict += statuses[i] == 409;
    } else {
      erred_ok += statuses[i] == 200;
    }
  }
  EXPECT_LE(done_ok, 1);
  EXPECT_EQ(done_ok + done_conflict, 10);
  EXPECT_EQ(erred_ok, 10);
  EXPECT_EQ(Order(order)["state"], "erred");

  const auto events = Events(order);  // newest first
  EXPECT_EQ(CountEvents(events, "marketplace_order_failed"), 10);
  EXPECT_EQ(CountEvents(events, "marketplace_order_completed"), done_ok);
  if (done_ok == 1) {
    // The completion is older than every failure.
    int seen_failures = 0;
    for (const auto& event : events) {
      if (event["event_type"] == "marketplace_order_failed") ++seen_failures;
      if (event["event_type"] == "marketplace_order_completed") {
        EXPECT_EQ(seen_failures, 10);
      }
    }
  }
  // domain.md §4.2: done first leaves an OK resource that the failures mark Erred; a failure first
  // gives up the backend-less Creating resource (Terminated) and later failures keep it so.
  EXPECT_EQ(ResourceStateOf(order), done_ok == 1 ? "Erred" : "Terminated");
}

TEST_F(RaceTest, ConcurrentTerminationsPlaceOneOrder) {
  const std::string resource = OkResource(basic_);
  const auto statuses = Race(20, [&](int, ApiClient& client) {
    return client
        .Post("/api/marketplace-resources/" + resource + "/terminate/", json::object(),
              owner_.token)
        .status;
  });
  EXPECT_EQ(Count(statuses, 200), 1);
  // The losers find the resource Terminating under a consumer-approved order.
  EXPECT_EQ(Count(statuses, 409), 19);
  const auto orders =
      api().Get("/api/marketplace-orders/?type=Terminate&resource_uuid=" + resource, staff_token());
  ASSERT_EQ(orders.status, 200) << orders.text;
  EXPECT_EQ(orders.body.size(), 1u) << orders.text;
  EXPECT_EQ(CountEvents(Events(resource), "marketplace_resource_terminate_requested"), 1);
}

TEST_F(RaceTest, OwnerAndStaffRacingConsumerApprovalApproveOnce) {
  const auto me = api().Get("/api/users/me/", staff_token());
  ASSERT_EQ(me.status, 200) << me.text;
  const std::string staff_uuid = me.body["uuid"];
  for (int round = 0; round < 10; ++round) {
    SCOPED_TRACE(round);
    const std::string order = NewOrder(manager_.token, basic_);
    ASSERT_EQ(Order(order)["state"], "pending-consumer");
    const std::vector<std::string> tokens = {owner_.token, staff_token()};
    const auto statuses = Race(2, [&](int i, ApiClient& client) {
      return client
          .Post("/api/marketplace-orders/" + order + "/approve_by_consumer/", json::object(),
                tokens[i])
          .status;
    });
    ASSERT_EQ(Count(statuses, 200), 1) << statuses[0] << " " << statuses[1];
    EXPECT_EQ(Count(statuses, 409), 1);
    const auto after = Order(order);
    EXPECT_EQ(after["state"], "pending-provider");
    EXPECT_EQ(after["consumer_reviewed_by"], statuses[0] == 200 ? owner_.uuid : staff_uuid);
    int approvals = 0;
    for (const auto& event : Events(order)) {
      approvals += event["context"].value("from_state", "") == "pending-consumer" ? 1 : 0;
    }
    EXPECT_EQ(approvals, 1);
  }
}

}  // namespace
}  // namespace orderly::testing
