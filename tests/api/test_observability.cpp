// /metrics, X-Request-ID and the request log lines.
#include <fstream>
#include <regex>

#include "clock_fixture.hpp"
#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

class ObservabilityTest : public WithClock<ScenarioTest> {
 protected:
  std::string Metrics() {
    const auto response = api().Get("/metrics");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.Header("Content-Type").rfind("text/plain; version=0.0.4", 0), 0u);
    return response.text;
  }

  // The value of the sample with exactly this name and label set ("" when absent).
  static std::string SampleValue(const std::string& text, const std::string& series) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind(series + " ", 0) == 0) return line.substr(series.size() + 1);
    }
    return "";
  }
};

TEST_F(ObservabilityTest, CountsRequestsByRoutePatternAndStatus) {
  const std::string order = NewOrder(owner_.token, basic_);
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(api().Get("/api/marketplace-orders/" + order + "/", owner_.token).status, 200);
  ASSERT_EQ(api().Get("/api/marketplace-orders/" + order + "/", stranger_.token).status, 404);
  ASSERT_EQ(api().Get("/api/no-such-collection/").status, 404);

  const std::string text = Metrics();
  EXPECT_EQ(
      SampleValue(
          text,
          R"(orderly_http_requests_total{method="GET",route="/api/marketplace-orders/{uuid}/",status="200"})"),
      "3")
      << text;
  EXPECT_EQ(
      SampleValue(
          text,
          R"(orderly_http_requests_total{method="GET",route="/api/marketplace-orders/{uuid}/",status="404"})"),
      "1");
  EXPECT_EQ(
      SampleValue(text,
                  R"(orderly_http_requests_total{method="GET",route="unmatched",status="404"})"),
      "1");
  EXPECT_EQ(
      SampleValue(
          text,
          R"(orderly_http_request_duration_seconds_count{method="GET",route="/api/marketplace-orders/{uuid}/"})"),
      "4");
  EXPECT_EQ(text.find(order), std::string::npos) << "raw paths must not become label values";
}

TEST_F(ObservabilityTest, ReportsOrdersEventsJobsAndPoolFromTheStore) {
  const std::string pending = NewOrder(owner_.token, basic_);
  const std::string state = Order(pending)["state"];
  const std::string support = ActiveOffering("Support.OfferingTemplate");
  NewOrder(owner_.token, support);

  const std::string text = Metrics();
  EXPECT_EQ(SampleValue(text, R"(orderly_orders{offering_type="Marketplace.Basic",state=")" +
                                  state + R"("})"),
            "1")
      << text;
  const auto events = Events(pending);
  ASSERT_FALSE(events.empty());
  const std::string event_type = events.back()["event_type"];
  EXPECT_NE(SampleValue(text, R"(orderly_events_total{event_type=")" + event_type + R"("})"), "")
      << text;
  EXPECT_NE(SampleValue(text, R"(orderly_db_pool_connections{state="in_use"})"), "") << text;
  EXPECT_EQ(SampleValue(text, "orderly_stuck_resources"), "0");
}

TEST_F(ObservabilityTest, StuckResourcesAreCounted) {
  SetNow("2030-01-01T00:00:00.000000Z");
  const std::string order = ExecutingOrder(basic_);  // its resource is Creating from now on
  EXPECT_EQ(SampleValue(Metrics(), "orderly_stuck_resources"), "0");
  SetNow("2030-01-01T02:00:00.000000Z");  // past the default --stuck-after of one hour
  EXPECT_EQ(SampleValue(Metrics(), "orderly_stuck_resources"), "1");
  ASSERT_EQ(Act(order, "set_state_done", provider_owner_.token).status, 200);
  EXPECT_EQ(SampleValue(Metrics(), "orderly_stuck_resources"), "0");
}

TEST_F(ObservabilityTest, EchoesASaneRequestIdAndMakesUpOtherwise) {
  httplib::Client client("127.0.0.1", server().port());
  auto given = client.Get("/health/", {{"X-Request-ID", "trace-42.a:b_c"}});
  ASSERT_TRUE(given);
  EXPECT_EQ(given->get_header_value("X-Request-ID"), "trace-42.a:b_c");

  auto hostile = client.Get("/health/", {{"X-Request-ID", "two words\" {}"}});
  ASSERT_TRUE(hostile);
  const std::regex hex32("[0-9a-f]{32}");
  EXPECT_TRUE(std::regex_match(hostile->get_header_value("X-Request-ID"), hex32));

  auto first = client.Get("/health/");
  auto second = client.Get("/health/");
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(std::regex_match(first->get_header_value("X-Request-ID"), hex32));
  EXPECT_NE(first->get_header_value("X-Request-ID"), second->get_header_value("X-Request-ID"));
}

class JsonLogTest : public ScenarioTest {
 protected:
  std::vector<std::string> ExtraServerArgs() const override { return {"--log-format", "json"}; }
};

TEST_F(JsonLogTest, EachRequestIsOneJsonLineWithRouteStatusUserAndRequestId) {
  const auto log_path = RestartCapturingLog();
  httplib::Client client("127.0.0.1", server().port());
  ASSERT_TRUE(client.Get("/api/users/me/",
                         {{"Authorization", "Token " + owner_.token}, {"X-Request-ID", "req-1"}}));
  server().Terminate();

  std::ifstream in(log_path);
  nlohmann::json found;
  for (std::string line; std::getline(in, line);) {
    const auto parsed = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << "not JSON: " << line;
    ASSERT_TRUE(parsed.contains("time") && parsed.contains("level")) << line;
    if (parsed.value("request_id", "") == "req-1") found = parsed;
  }
  ASSERT_TRUE(found.is_object()) << "no line for the request";
  EXPECT_EQ(found["event"], "request");
  EXPECT_EQ(found["method"], "GET");
  EXPECT_EQ(found["route"], "/api/users/me/");
  EXPECT_EQ(found["status"], 200);
  EXPECT_EQ(found["user"], "owner");
  EXPECT_TRUE(found["duration_ms"].is_number());
  EXPECT_EQ(found.dump().find(owner_.token), std::string::npos) << "tokens never reach the log";
}

TEST_F(JsonLogTest, UnknownLogSettingsAreUsageErrors) {
  std::string output;
  EXPECT_EQ(RunOrderly({"serve", "--log-format", "xml"}, &output), 2) << output;
  EXPECT_EQ(RunOrderly({"serve", "--log-level", "chatty"}, &output), 2) << output;
}

}  // namespace
}  // namespace orderly::testing

namespace orderly::testing {
namespace {

TEST_F(ObservabilityTest, ServesTheOpenApiDocumentAndAnOfflineReferencePage) {
  const auto schema = api().Get("/api/schema/");
  ASSERT_EQ(schema.status, 200);
  EXPECT_EQ(schema.body["openapi"], "3.0.3");
  EXPECT_TRUE(
      schema.body["paths"]["/api/marketplace-orders/{uuid}/set_state_erred/"].contains("post"));
  EXPECT_GT(schema.body["paths"].size(), 60u);

  const auto page = api().Get("/api/docs/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(page.text.find("/api/schema/"), std::string::npos);
  EXPECT_EQ(page.text.find("src=\"http"), std::string::npos) << "no external scripts";
  EXPECT_EQ(page.text.find("href=\"http"), std::string::npos) << "no external styles";
}

}  // namespace
}  // namespace orderly::testing
