#pragma once

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "api_fixture.hpp"

namespace orderly::testing {

// A server with two workers, one organization that is both provider and consumer, and helpers to
// place orders on automated offerings and wait for the workers to settle them.
class ProcessingTest : public ApiTest {
 protected:
  using json = nlohmann::json;

  std::vector<std::string> ExtraServerArgs() const override { return {"--workers", "2"}; }

  void SetUp() override {
    ApiTest::SetUp();
    if (::testing::Test::HasFatalFailure()) return;
    const auto customer = MakeCustomer("Org");
    customer_ = customer["uuid"];
    MakeProvider(customer_);
    project_ = MakeProject(customer_, "Lab")["uuid"];
  }

  // An active offering of `type` with `secret_options` and limit components named `limits`.
  std::string ActiveOffering(const std::string& type, const json& secret_options,
                             const std::vector<std::string>& limits) {
    json components = json::array();
    for (const auto& name : limits) {
      components.push_back({{"type", name}, {"billing_type", "limit"}, {"max_value", 1000000}});
    }
    const auto created = api().Post("/api/marketplace-provider-offerings/",
                                    {{"name", type + " offering"},
                                     {"customer", customer_},
                                     {"type", type},
                                     {"secret_options", secret_options},
                                     {"components", components}},
                                    staff_token());
    EXPECT_EQ(created.status, 201) << created.text;
    const std::string uuid = created.body.value("uuid", "");
    const auto activated = api().Post("/api/marketplace-provider-offerings/" + uuid + "/activate/",
                                      json::object(), staff_token());
    EXPECT_EQ(activated.status, 200) << activated.text;
    return uuid;
  }

  ApiResponse PlaceOrder(const std::string& offering, const std::string& name, const json& limits) {
    return api().Post("/api/marketplace-orders/",
                      {{"project", project_},
                       {"offering", offering},
                       {"attributes", {{"name", name}}},
                       {"limits", limits}},
                      staff_token());
  }

  // Polls until the order leaves executing (bounded: 60 s covers four retries with backoff).
  json Settled(const std::string& order) {
    json body;
    for (int i = 0; i < 600; ++i) {
      body = api().Get("/api/marketplace-orders/" + order + "/", staff_token()).body;
      if (body.value("state", "") != "executing") return body;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return body;
  }

  // A settled Create order of `offering`.
  json Created(const std::string& offering, const std::string& name, const json& limits) {
    const auto placed = PlaceOrder(offering, name, limits);
    EXPECT_EQ(placed.status, 201) << placed.text;
    return Settled(placed.body.value("uuid", ""));
  }

  json ResourceOf(const json& order) {
    return api()
        .Get("/api/marketplace-orders/" + order["uuid"].get<std::string>() + "/resource/",
             staff_token())
        .body;
  }

  // Places an order through a resource action and waits for it to settle.
  json ResourceOrder(const std::string& resource, const std::string& action, const json& body) {
    const auto placed = api().Post("/api/marketplace-resources/" + resource + "/" + action + "/",
                                   body, staff_token());
    EXPECT_EQ(placed.status, 200) << placed.text;
    return Settled(placed.body.value("order_uuid", ""));
  }

  json ResourceNow(const std::string& resource) {
    return api().Get("/api/marketplace-resources/" + resource + "/", staff_token()).body;
  }

  int CountOrderEvents(const std::string& order, const std::string& event_type) {
    int count = 0;
    for (const auto& event :
         api().Get("/api/events/?scope=" + order + "&page_size=300", staff_token()).body) {
      if (event["event_type"] == event_type) ++count;
    }
    return count;
  }

  std::string customer_, project_;
};

}  // namespace orderly::testing
