// Walks every (resource state x resource action x role) cell through the HTTP API, on both the
// consumer and the provider paths, against the spec restated here (domain.md §5.3, spec README
// decisions 4-6, clarification 6).
#include <map>
#include <set>

#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

const std::vector<std::string> kRoles = {"staff",          "support",          "owner",
                                         "project-admin",  "project-manager",  "project-member",
                                         "provider-owner", "provider-manager", "offering-manager",
                                         "stranger"};
const std::vector<std::string> kStates = {"Creating", "OK", "Erred", "Updating", "Terminating", "Terminated"};

const std::set<std::string> kConsumerViewers = {"owner", "project-admin", "project-manager", "project-member"};
const std::set<std::string> kProviderViewers = {"provider-owner", "provider-manager", "offering-manager"};
const std::set<std::string> kAllButTerminated = {"Creating", "OK", "Erred", "Updating", "Terminating"};

struct Cell {
  std::string path;  // "consumer" or "provider"
  std::string endpoint;
  std::set<std::string> roles;   // besides staff
  std::set<std::string> states;  // allowed
  json body;
  std::string after;  // resource state after success; "" when the resource is gone
};

// Resource state after a successful terminate / update is decided by its new order (§4.2).
const std::vector<std::pair<std::string, Cell>> kActions = {
    {"terminate",
     {"consumer", "terminate", {"owner", "project-admin", "project-manager"}, {"OK", "Erred"}, json::object(), "Terminating"}},
    {"force_destroy",
     {"consumer", "terminate", {}, {"OK", "Erred"}, {{"attributes", {{"action", "force_destroy"}}}}, "Terminating"}},
    {"switch_plan", {"consumer", "switch_plan", {"owner", "project-admin", "project-manager"}, {"OK"}, {}, "Updating"}},
    {"update_limits",
     {"consumer", "update_limits", {"owner", "project-admin", "project-manager"}, {"OK"}, {{"limits", {{"cpu", 7}}}}, "Updating"}},
    {"set_state_ok (consumer path)", {"consumer", "set_state_ok", {}, {"Erred", "Creating", "Updating", "Terminating"}, {}, "OK"}},
    {"set_state_ok (provider path)",
     {"provider", "set_state_ok", kProviderViewers, {"Erred", "Creating", "Updating", "Terminating"}, {}, "OK"}},
    {"set_as_ok", {"provider", "set_as_ok", kProviderViewers, kAllButTerminated, {}, "OK"}},
    {"set_as_erred", {"provider", "set_as_erred", kProviderViewers, kAllButTerminated, {{"error_message", "x"}}, "Erred"}},
    {"unlink", {"consumer", "unlink", {}, {"Creating", "OK", "Erred", "Updating", "Terminating", "Terminated"}, {}, ""}},
};

int ExpectedStatus(const Cell& cell, const std::string& state, const std::string& role) {
  if (role != "staff" && role != "support") {
    const auto& viewers = cell.path == "consumer" ? kConsumerViewers : kProviderViewers;
    if (!viewers.contains(role)) return 404;
  }
  if (role != "staff" && !cell.roles.contains(role)) return 403;
  if (!cell.states.contains(state)) return 409;
  return cell.endpoint == "unlink" ? 204 : 200;
}

class ResourceMatrixTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    const auto consumer = MakeCustomer("Consumer");
    const auto provider = MakeCustomer("Provider");
    MakeProvider(provider["uuid"]);
    project_ = MakeProject(consumer["uuid"], "P")["uuid"];
    const auto offering = MakeOffering(provider["uuid"], "Marketplace.Basic");
    offering_ = offering["uuid"];
    plan_ = offering["plans"][0]["uuid"];
    ASSERT_EQ(api().Post("/api/marketplace-provider-offerings/" + offering_ + "/activate/", {}, staff_token()).status, 200);
    tokens_["staff"] = staff_token();
    for (const auto& role : kRoles) {
      if (role == "staff") continue;
      const auto user = MakeUser(role, role == "support" ? json{{"is_support", true}} : json::object());
      tokens_[role] = user.token;
      if (role == "owner") Grant("customers", consumer["uuid"], user.uuid, "CUSTOMER.OWNER");
      if (role == "project-admin") Grant("projects", project_, user.uuid, "PROJECT.ADMIN");
      if (role == "project-manager") Grant("projects", project_, user.uuid, "PROJECT.MANAGER");
      if (role == "project-member") Grant("projects", project_, user.uuid, "PROJECT.MEMBER");
      if (role == "provider-owner") Grant("customers", provider["uuid"], user.uuid, "CUSTOMER.OWNER");
      if (role == "provider-manager") Grant("customers", provider["uuid"], user.uuid, "CUSTOMER.MANAGER");
      if (role == "offering-manager") Grant("marketplace-provider-offerings", offering_, user.uuid, "OFFERING.MANAGER");
    }
  }

  std::string OrderAction(const std::string& order, const std::string& action) {
    const auto response = api().Post("/api/marketplace-orders/" + order + "/" + action + "/", json::object(), staff_token());
    EXPECT_EQ(response.status / 100, 2) << action << ": " << response.text;
    return order;
  }

  std::string ResourceState(const std::string& resource) {
    return api().Get("/api/marketplace-resources/" + resource + "/", staff_token()).body.value("state", "");
  }

  // A Basic resource brought to `state` through orders placed by the owner and run by staff.
  std::string ResourceIn(const std::string& state) {
    const auto created = api().Post("/api/marketplace-orders/",
                                    {{"project", project_}, {"offering", offering_}, {"plan", plan_},
                                     {"attributes", {{"name", "r"}}}, {"limits", {{"cpu", 2}}}},
                                    tokens_.at("owner"));
    EXPECT_EQ(created.status, 201) << created.text;
    const std::string order = created.body["uuid"];
    const std::string resource = created.body["marketplace_resource_uuid"];
    if (state == "Creating") return resource;
    OrderAction(order, "approve_by_provider");
    OrderAction(order, "set_state_done");
    if (state == "OK") return resource;
    const std::string base = "/api/marketplace-resources/" + resource + "/";
    if (state == "Erred") {
      EXPECT_EQ(api().Post("/api/marketplace-provider-resources/" + resource + "/set_as_erred/", json::object(),
                           staff_token()).status, 200);
    } else if (state == "Updating") {
      EXPECT_EQ(api().Post(base + "update_limits/", {{"limits", {{"cpu", 3}}}}, tokens_.at("owner")).status, 200);
    } else {
      const auto terminated = api().Post(base + "terminate/", json::object(), tokens_.at("owner"));
      EXPECT_EQ(terminated.status, 200) << terminated.text;
      if (state == "Terminated") {
        OrderAction(terminated.body["order_uuid"], "approve_by_provider");
        OrderAction(terminated.body["order_uuid"], "set_state_done");
      }
    }
    EXPECT_EQ(ResourceState(resource), state);
    return resource;
  }

  std::string project_, offering_, plan_;
  std::map<std::string, std::string> tokens_;
};

TEST_F(ResourceMatrixTest, EveryCellMatchesTheSpec) {
  int cells = 0;
  for (const auto& state : kStates) {
    for (const auto& [name, cell] : kActions) {
      json body = cell.body;
      if (cell.endpoint == "switch_plan") body = {{"plan", plan_}};
      const std::string shared = ResourceIn(state);
      for (const auto& role : kRoles) {
        const int expected = ExpectedStatus(cell, state, role);
        const bool success = expected / 100 == 2;
        const std::string resource = success ? ResourceIn(state) : shared;
        const std::string prefix = cell.path == "consumer" ? "/api/marketplace-resources/" : "/api/marketplace-provider-resources/";
        const auto response = api().Post(prefix + resource + "/" + cell.endpoint + "/", body, tokens_.at(role));
        ++cells;
        ASSERT_EQ(response.status, expected) << state << " | " << name << " | " << role << ": " << response.text;
        const auto after = api().Get("/api/marketplace-resources/" + resource + "/", staff_token());
        if (!success) {
          ASSERT_EQ(after.body["state"], state) << "a refused action changed the resource: " << name << " | " << role;
          continue;
        }
        if (cell.after.empty()) {
          ASSERT_EQ(after.status, 404) << name;
          continue;
        }
        // An order placed on an Erred resource leaves it Erred (domain.md §4.2).
        const std::string expected_state =
            state == "Erred" && (name == "terminate" || name == "force_destroy") ? "Erred" : cell.after;
        ASSERT_EQ(after.body["state"], expected_state) << state << " | " << name << " | " << role;
      }
    }
  }
  RecordProperty("cells", cells);
  std::printf("[ matrix   ] resources: %d cells\n", cells);
}

}  // namespace
}  // namespace orderly::testing
