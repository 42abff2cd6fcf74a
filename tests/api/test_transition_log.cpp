// One structured log line per order and resource transition (issue 10): every state change in the
// event log has exactly one "transition" line, with the order's uuid, from, to, action, user and
// the cause (the request's X-Request-ID, or the worker's job), whether an API request or a worker
// made it.
#include <algorithm>
#include <fstream>
#include <thread>

#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

class TransitionLogTest : public ScenarioTest {
 protected:
  std::vector<std::string> ExtraServerArgs() const override {
    return {"--log-format", "json", "--workers", "1"};
  }

  void SetUp() override {
    ScenarioTest::SetUp();
    if (HasFatalFailure()) return;
    log_path_ = RestartCapturingLog();
  }

  // A Create order of a Marketplace.Script offering whose create script succeeds, placed by staff
  // (so it goes straight to executing): it finishes on a worker.
  std::string ScriptOrder() {
    const auto created =
        api().Post("/api/marketplace-provider-offerings/",
                   {{"name", "VMs"},
                    {"customer", provider_},
                    {"type", "Marketplace.Script"},
                    {"secret_options", {{"language", "shell"}, {"create", "echo vm-1"}}},
                    {"components", {{{"type", "cpu"}, {"billing_type", "limit"}}}},
                    {"plans", {{{"name", "Small"}}}}},
                   staff_token());
    EXPECT_EQ(created.status, 201) << created.text;
    const std::string offering = created.body.value("uuid", "");
    EXPECT_EQ(api()
                  .Post("/api/marketplace-provider-offerings/" + offering + "/activate/",
                        json::object(), staff_token())
                  .status,
              200);
    const auto order = api().Post("/api/marketplace-orders/",
                                  {{"project", project_},
                                   {"offering", offering},
                                   {"plan", created.body["plans"][0]["uuid"]},
                                   {"attributes", {{"name", "vm"}}},
                                   {"limits", {{"cpu", 2}}}},
                                  staff_token());
    EXPECT_EQ(order.status, 201) << order.text;
    return order.body.value("uuid", "");
  }

  // POSTs an order action with an X-Request-ID of our choosing.
  int ActWithRequestId(const std::string& order, const std::string& action,
                       const std::string& token, const std::string& request_id) {
    httplib::Client client("127.0.0.1", server().port());
    const auto result =
        client.Post("/api/marketplace-orders/" + order + "/" + action + "/",
                    {{"Authorization", "Token " + token}, {"X-Request-ID", request_id}}, "{}",
                    "application/json");
    return result ? result->status : 0;
  }

  // Polls until the order leaves executing (bounded; a worker takes the job within a second).
  json Settled(const std::string& order) {
    json body;
    for (int i = 0; i < 300; ++i) {
      body = Order(order);
      if (body.value("state", "") != "executing") return body;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return body;
  }

  // The transition lines of the log so far (the server flushes each line as it writes it).
  std::vector<json> TransitionLines() {
    std::vector<json> lines;
    std::ifstream in(log_path_);
    for (std::string line; std::getline(in, line);) {
      const auto parsed = json::parse(line, nullptr, false);
      EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << line;
      if (!parsed.is_discarded() && parsed.value("event", "") == "transition")
        lines.push_back(parsed);
    }
    return lines;
  }

  // Every state change of the event log of `scope` (an order or resource uuid) has exactly one
  // transition line for `subject` with the same from, to and action.
  void ExpectOneLinePerTransition(const std::string& subject, const std::string& scope,
                                  const std::vector<json>& lines) {
    int transitions = 0;
    for (const auto& event : Events(scope)) {
      const json& context = event["context"];
      if (!context.is_object() || !context.contains("from_state") ||
          context["from_state"] == context["to_state"])
        continue;
      ++transitions;
      const auto matching = std::count_if(lines.begin(), lines.end(), [&](const json& line) {
        return line.value(subject + "_uuid", "") == scope &&
               line["from"] == context["from_state"] && line["to"] == context["to_state"] &&
               line["action"] == event["event_type"];
      });
      EXPECT_EQ(matching, 1) << subject << " " << event.dump();
    }
    const auto logged = std::count_if(lines.begin(), lines.end(), [&](const json& line) {
      return line["subject"] == subject && line.value(subject + "_uuid", "") == scope;
    });
    EXPECT_EQ(logged, transitions) << "a line without a recorded transition";
    EXPECT_GT(transitions, 0);
  }

  std::filesystem::path log_path_;
};

TEST_F(TransitionLogTest, EveryTransitionOfAnApiRequestIsOneLineWithItsRequestIdAndUser) {
  const std::string order = ExecutingOrder(basic_);
  ASSERT_EQ(ActWithRequestId(order, "set_state_done", provider_owner_.token, "req-done-1"), 200);
  ASSERT_EQ(Order(order)["state"], "done");

  const auto lines = TransitionLines();
  ExpectOneLinePerTransition("order", order, lines);
  ExpectOneLinePerTransition("resource", ResourceUuidOf(order), lines);
  int from_request = 0;
  for (const auto& line : lines) {
    if (line["request_id"] != "req-done-1") continue;
    ++from_request;
    EXPECT_EQ(line["user"], "provider-owner") << line.dump();
    EXPECT_EQ(line.value("order_uuid", ""), order) << line.dump();
    EXPECT_EQ(line["level"], "info");
    EXPECT_TRUE(line.contains("time"));
  }
  EXPECT_EQ(from_request, 2) << "the order executing -> done and its resource Creating -> OK";
}

TEST_F(TransitionLogTest, TransitionsMadeByAWorkerAreLoggedWithTheJob) {
  const std::string order = ScriptOrder();
  ASSERT_EQ(Settled(order)["state"], "done");
  // The worker writes its lines just after its commit, so they may trail the state by a moment.
  std::vector<json> lines;
  const auto has_done_line = [&] {
    return std::any_of(lines.begin(), lines.end(), [&](const json& line) {
      return line.value("order_uuid", "") == order && line["to"] == "done";
    });
  };
  for (int i = 0; i < 100 && !has_done_line(); ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    lines = TransitionLines();
  }
  ExpectOneLinePerTransition("order", order, lines);
  ExpectOneLinePerTransition("resource", ResourceUuidOf(order), lines);
  const auto done = std::find_if(lines.begin(), lines.end(), [&](const json& line) {
    return line.value("order_uuid", "") == order && line["subject"] == "order" &&
           line["to"] == "done";
  });
  ASSERT_NE(done, lines.end());
  EXPECT_EQ((*done)["from"], "executing");
  EXPECT_EQ((*done)["user"], "") << "the system, not a user";
  EXPECT_EQ((*done)["request_id"].get<std::string>().rfind("job-", 0), 0u) << done->dump();
}

}  // namespace
}  // namespace orderly::testing
