#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "api_fixture.hpp"

namespace orderly::testing {

// A consumer organization with one project, a provider organization with an active
// Marketplace.Basic offering, and one user per role, for scenario tests of the order and resource
// lifecycle (spec domain.md §3-§5, §7). Everything is built through the public API.
class ScenarioTest : public ApiTest {
 protected:
  using json = nlohmann::json;

  void SetUp() override {
    ApiTest::SetUp();
    if (::testing::Test::HasFatalFailure()) return;
    consumer_ = MakeCustomer("Consumer")["uuid"];
    provider_ = MakeCustomer("Provider")["uuid"];
    MakeProvider(provider_);
    project_ = MakeProject(consumer_, "Project")["uuid"];
    basic_ = ActiveOffering("Marketplace.Basic");

    owner_ = MakeUser("owner");
    Grant("customers", consumer_, owner_.uuid, "CUSTOMER.OWNER");
    manager_ = MakeUser("manager");
    Grant("projects", project_, manager_.uuid, "PROJECT.MANAGER");
    member_ = MakeUser("member");
    Grant("projects", project_, member_.uuid, "PROJECT.MEMBER");
    provider_owner_ = MakeUser("provider-owner");
    Grant("customers", provider_, provider_owner_.uuid, "CUSTOMER.OWNER");
    offering_manager_ = MakeUser("offering-manager");
    Grant("marketplace-provider-offerings", basic_, offering_manager_.uuid, "OFFERING.MANAGER");
    support_ = MakeUser("support", {{"is_support", true}});
    stranger_ = MakeUser("stranger");
  }

  // A Draft offering of `type` (component "cpu" 1..100, plan "Small") activated by staff.
  std::string ActiveOffering(const std::string& type, const std::string& customer = {}) {
    const auto offering = MakeOffering(customer.empty() ? provider_ : customer, type);
    const std::string uuid = offering["uuid"];
    plans_[uuid] = offering["plans"][0]["uuid"];
    const auto activated = api().Post("/api/marketplace-provider-offerings/" + uuid + "/activate/",
                                      json::object(), staff_token());
    EXPECT_EQ(activated.status, 200) << activated.text;
    return uuid;
  }

  const std::string& PlanOf(const std::string& offering) { return plans_.at(offering); }

  // POST /api/marketplace-orders/ for a Create order of `offering` in the project (cpu 2); `extra`
  // is merged into the body.
  ApiResponse PlaceOrder(const std::string& token, const std::string& offering,
                         const json& extra = json::object()) {
    json body = {{"project", project_},
                 {"offering", offering},
                 {"plan", PlanOf(offering)},
                 {"attributes", {{"name", "vm"}}},
                 {"limits", {{"cpu", 2}}}};
    body.update(extra);
    return api().Post("/api/marketplace-orders/", body, token);
  }

  // A new Create order's uuid (the order must be created).
  std::string NewOrder(const std::string& token, const std::string& offering,
                       const json& extra = json::object()) {
    const auto created = PlaceOrder(token, offering, extra);
    EXPECT_EQ(created.status, 201) << created.text;
    return created.body.value("uuid", "");
  }

  ApiResponse Act(const std::string& order, const std::string& action, const std::string& token,
                  const json& body = json::object()) {
    return api().Post("/api/marketplace-orders/" + order + "/" + action + "/", body, token);
  }

  ApiResponse ActOnResource(const std::string& side, const std::string& resource,
                            const std::string& action, const std::string& token,
                            const json& body = json::object()) {
    return api().Post("/api/" + side + "/" + resource + "/" + action + "/", body, token);
  }

  json Order(const std::string& uuid, const std::string& token = {}) {
    const auto response =
        api().Get("/api/marketplace-orders/" + uuid + "/", token.empty() ? staff_token() : token);
    EXPECT_EQ(response.status, 200) << response.text;
    return response.body;
  }

  json Resource(const std::string& uuid, const std::string& token = {}) {
    const auto response = api().Get("/api/marketplace-resources/" + uuid + "/",
                                    token.empty() ? staff_token() : token);
    EXPECT_EQ(response.status, 200) << response.text;
    return response.body;
  }

  std::string ResourceUuidOf(const std::string& order) {
    return Order(order)["marketplace_resource_uuid"];
  }
  std::string ResourceStateOf(const std::string& order) {
    return Resource(ResourceUuidOf(order)).value("state", "");
  }

  // The event log of an order or resource, newest first.
  json Events(const std::string& scope, const std::string& token = {}) {
    const auto response = api().Get("/api/events/?scope=" + scope + "&page_size=300",
                                    token.empty() ? staff_token() : token);
    EXPECT_EQ(response.status, 200) << response.text;
    return response.body;
  }

  static int CountEvents(const json& events, const std::string& event_type) {
    return static_cast<int>(std::count_if(events.begin(), events.end(), [&](const json& event) {
      return event["event_type"] == event_type;
    }));
  }

  // A Create order of `offering` placed by the owner and approved by the provider owner.
  std::string ExecutingOrder(const std::string& offering) {
    const std::string order = NewOrder(owner_.token, offering);
    if (Order(order)["state"] == "pending-provider") {
      const auto approved = Act(order, "approve_by_provider", provider_owner_.token);
      EXPECT_EQ(approved.status, 200) << approved.text;
    }
    EXPECT_EQ(Order(order)["state"], "executing");
    return order;
  }

  // A resource in OK: its Create order placed, approved and marked done. Returns the resource uuid.
  std::string OkResource(const std::string& offering) {
    const std::string order = ExecutingOrder(offering);
    const auto done = Act(order, "set_state_done", provider_owner_.token);
    EXPECT_EQ(done.status, 200) << done.text;
    const std::string resource = ResourceUuidOf(order);
    EXPECT_EQ(Resource(resource)["state"], "OK");
    return resource;
  }

  static std::vector<std::string> Uuids(const json& list) {
    std::vector<std::string> uuids;
    for (const auto& item : list) uuids.push_back(item["uuid"]);
    return uuids;
  }

  static std::vector<std::string> Sorted(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    return values;
  }

  std::string consumer_, provider_, project_, basic_;
  TestUser owner_, manager_, member_, provider_owner_, offering_manager_, support_, stranger_;

 private:
  std::map<std::string, std::string> plans_;
};

}  // namespace orderly::testing
