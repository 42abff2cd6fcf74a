// Walks every (offering type x order state x order action x role) cell through the HTTP API and
// checks the status and the resulting order and resource states against the spec, restated here
// independently of src/domain (domain.md §5.2, spec README decisions 1-3, clarification 10).
#include <algorithm>
#include <cstdio>
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

const std::vector<std::string> kStates = {"pending-consumer", "pending-provider", "pending-project",
                                          "pending-start-date", "executing", "done", "erred",
                                          "canceled", "rejected"};

const std::vector<std::string> kActions = {"approve_by_consumer",
                                           "reject_by_consumer",
                                           "approve_by_provider",
                                           "reject_by_provider",
                                           "cancel",
                                           "set_state_executing",
                                           "set_state_done",
                                           "set_state_erred",
                                           "retry",
                                           "unlink",
                                           "cancel_termination"};

// Who may (besides staff), in which states, for which offering types (empty: all).
struct Rule {
  std::set<std::string> roles;
  std::set<std::string> states;  // empty: any state
  std::set<std::string> types;
};

const std::set<std::string> kProviderSide = {"provider-owner", "provider-manager", "offering-manager"};

const std::map<std::string, Rule> kRules = {
    {"approve_by_consumer", {{"owner"}, {"pending-consumer"}, {}}},
    // The creator (the project manager here) may reject their own order.
    {"reject_by_consumer", {{"owner", "project-manager"}, {"pending-consumer"}, {}}},
    {"approve_by_provider", {kProviderSide, {"pending-provider"}, {}}},
    {"reject_by_provider", {kProviderSide, {"pending-provider"}, {}}},
    {"cancel",
     {{"owner", "project-admin", "project-manager"},
      {"pending-consumer", "pending-provider", "pending-start-date", "executing"},
      {"Marketplace.Basic", "Support.OfferingTemplate"}}},
    {"set_state_executing",
     {kProviderSide, {"pending-consumer", "pending-provider", "erred"}, {"Marketplace.Slurm"}}},
    {"set_state_done",
     {kProviderSide,
      {"executing"},
      {"Marketplace.Basic", "Marketplace.Slurm", "Support.OfferingTemplate"}}},
    {"set_state_erred", {kProviderSide, {}, {"Marketplace.Basic", "Marketplace.Slurm"}}},
    {"retry", {kProviderSide, {"erred"}, {"Marketplace.Basic", "Marketplace.Slurm"}}},
    {"unlink", {{}, {}, {}}},
    // Spec decision 3: staff only, Remote Terminate orders in executing. The matrix places Create
    // orders only, so staff meet a 409 in every state (clarification 7: not a 405).
    {"cancel_termination", {{}, {}, {}}},
};

bool NeedsProviderReview(const std::string& type) {
  return type == "Marketplace.Basic" || type == "Marketplace.Slurm" || type == "Waldur.RemoteOffering";
}

int ExpectedStatus(const std::string& type, const std::string& state, const std::string& action,
                   const std::string& role) {
  if (role == "stranger") return 404;
  const Rule& rule = kRules.at(action);
  if (role != "staff" && !rule.roles.contains(role)) return 403;
  if (action == "cancel_termination") return 409;
  if (!rule.states.empty() && !rule.states.contains(state)) return 409;
  if (!rule.types.empty() && !rule.types.contains(type)) return 405;
  if (action == "cancel") return 202;
  if (action == "unlink") return 204;
  return 200;
}

// The order state the successful action leads to ("" for unlink: the order is gone).
std::string ExpectedOrderState(const std::string& type, const std::string& action) {
  if (action == "approve_by_consumer") return NeedsProviderReview(type) ? "pending-provider" : "executing";
  if (action == "reject_by_consumer" || action == "reject_by_provider") return "rejected";
  if (action == "approve_by_provider" || action == "set_state_executing" || action == "retry") return "executing";
  if (action == "cancel") return "canceled";
  if (action == "set_state_done") return "done";
  if (action == "set_state_erred") return "erred";
  return "";
}

// domain.md §4.2 for a Create order whose resource has no backend id.
std::string ExpectedResourceState(const std::string& action, const std::string& before) {
  if (action == "reject_by_consumer" || action == "reject_by_provider" || action == "cancel") return "Terminated";
  if (action == "set_state_done") return "OK";
  if (action == "retry") return "Creating";
  if (action == "set_state_erred") {
    if (before == "Creating") return "Terminated";
    if (before == "OK") return "Erred";
    return before;
  }
  return before;
}

class RuleMatrixTest : public ApiTest, public ::testing::WithParamInterface<std::string> {
 protected:
  // No workers: an executing order of an automated type must stay executing while the matrix looks.
  std::vector<std::string> ExtraServerArgs() const override { return {"--workers", "0"}; }

  void SetUp() override {
    ApiTest::SetUp();
    const std::string type = GetParam();
    const auto consumer = MakeCustomer("Consumer");
    const auto provider = MakeCustomer("Provider");
    MakeProvider(provider["uuid"]);
    project_ = MakeProject(consumer["uuid"], "Now")["uuid"];
    const auto later = api().Post("/api/projects/",
                                  {{"customer", consumer["uuid"]}, {"name", "Later"}, {"start_date", "2099-01-01"}},
                                  staff_token());
    ASSERT_EQ(later.status, 201) << later.text;
    later_project_ = later.body["uuid"];
    const auto offering = MakeOffering(provider["uuid"], type);
    offering_ = offering["uuid"];
    plan_ = offering["plans"][0]["uuid"];
    ASSERT_EQ(api().Post("/api/marketplace-provider-offerings/" + offering_ + "/activate/", {}, staff_token()).status, 200);

    tokens_["staff"] = staff_token();
    for (const auto& role : kRoles) {
      if (role == "staff") continue;
      const auto user = MakeUser(role, role == "support" ? json{{"is_support", true}} : json::object());
      tokens_[role] = user.token;
      if (role == "owner") Grant("customers", consumer["uuid"], user.uuid, "CUSTOMER.OWNER");
      if (role == "provider-owner") Grant("customers", provider["uuid"], user.uuid, "CUSTOMER.OWNER");
      if (role == "provider-manager") Grant("customers", provider["uuid"], user.uuid, "CUSTOMER.MANAGER");
      if (role == "offering-manager") {
        Grant("marketplace-provider-offerings", offering_, user.uuid, "OFFERING.MANAGER");
      }
      for (const auto& project : {project_, later_project_}) {
        if (role == "project-admin") Grant("projects", project, user.uuid, "PROJECT.ADMIN");
        if (role == "project-manager") Grant("projects", project, user.uuid, "PROJECT.MANAGER");
        if (role == "project-member") Grant("projects", project, user.uuid, "PROJECT.MEMBER");
      }
    }
  }

  json Order(const std::string& uuid) { return api().Get("/api/marketplace-orders/" + uuid + "/", staff_token()).body; }

  int Act(const std::string& uuid, const std::string& action, const std::string& role) {
    const std::string path = action == "cancel_termination"
                                 ? "/api/remote-waldur-api/cancel_termination/" + uuid + "/"
                                 : "/api/marketplace-orders/" + uuid + "/" + action + "/";
    return api().Post(path, json::object(), tokens_.at(role)).status;
  }

  // An order of this test's type brought to `state` by staff; nothing when the type cannot reach it.
  std::optional<std::string> OrderIn(const std::string& state) {
    const std::string type = GetParam();
    json body = {{"project", state == "pending-project" ? later_project_ : project_},
                 {"offering", offering_},
                 {"plan", plan_},
                 {"attributes", {{"name", "matrix"}}},
                 {"limits", {{"cpu", 2}}}};
    if (state == "pending-start-date") body["start_date"] = "2099-01-01";
    const auto created = api().Post("/api/marketplace-orders/", body, tokens_.at("project-manager"));
    EXPECT_EQ(created.status, 201) << created.text;
    const std::string uuid = created.body.value("uuid", "");
    if (created.body.value("state", "") != "pending-consumer") return std::nullopt;
    auto step = [&](const std::string& action) { return Act(uuid, action, "staff"); };
    if (state == "pending-consumer") return uuid;
    if (state == "rejected") return step("reject_by_consumer") == 200 ? std::optional(uuid) : std::nullopt;
    if (state == "canceled") return step("cancel") == 202 ? std::optional(uuid) : std::nullopt;
    step("approve_by_consumer");
    std::string now = Order(uuid)["state"];
    if (state == "pending-provider" || state == "pending-project") {
      return now == state ? std::optional(uuid) : std::nullopt;
    }
    if (now == "pending-provider") step("approve_by_provider");
    now = Order(uuid)["state"];
    if (state == "pending-start-date" || state == "executing") {
      return now == state ? std::optional(uuid) : std::nullopt;
    }
    if (now != "executing") return std::nullopt;
    const std::string finish = state == "done" ? "set_state_done" : "set_state_erred";
    if (step(finish) != 200) return std::nullopt;
    return Order(uuid)["state"] == state ? std::optional(uuid) : std::nullopt;
  }

  std::string project_, later_project_, offering_, plan_;
  std::map<std::string, std::string> tokens_;
};

TEST_P(RuleMatrixTest, EveryCellMatchesTheSpec) {
  const std::string type = GetParam();
  int cells = 0;
  int unreachable_states = 0;
  for (const auto& state : kStates) {
    if (!OrderIn(state)) {
      ++unreachable_states;
      continue;
    }
    for (const auto& action : kActions) {
      // One order takes every refusal (a refusal changes nothing); each success gets a fresh one.
      auto shared = OrderIn(state);
      ASSERT_TRUE(shared);
      for (const auto& role : kRoles) {
        const int expected = ExpectedStatus(type, state, action, role);
        const bool success = expected / 100 == 2;
        const std::string uuid = success ? *OrderIn(state) : *shared;
        const auto before = Order(uuid);
        const std::string resource_before =
            api().Get("/api/marketplace-orders/" + uuid + "/resource/", staff_token()).body.value("state", "");
        const int status = Act(uuid, action, role);
        ++cells;
        ASSERT_EQ(status, expected) << type << " | " << state << " | " << action << " | " << role;
        const auto after = api().Get("/api/marketplace-orders/" + uuid + "/", staff_token());
        if (!success) {
          ASSERT_EQ(after.body["state"], before["state"]) << "a refused action changed the order: " << type
                                                          << " | " << state << " | " << action << " | " << role;
          continue;
        }
        if (action == "unlink") {
          ASSERT_EQ(after.status, 404);
          continue;
        }
        ASSERT_EQ(after.body["state"], ExpectedOrderState(type, action)) << type << " | " << state << " | " << action;
        const auto resource = api().Get("/api/marketplace-orders/" + uuid + "/resource/", staff_token());
        ASSERT_EQ(resource.body["state"], ExpectedResourceState(action, resource_before))
            << type << " | " << state << " | " << action << " | " << role;
      }
    }
  }
  RecordProperty("cells", cells);
  RecordProperty("unreachable_states", unreachable_states);
  std::printf("[ matrix   ] %s: %d cells, %d states unreachable for this type\n", type.c_str(), cells,
              unreachable_states);
  EXPECT_GT(cells, 0);
}

INSTANTIATE_TEST_SUITE_P(OfferingTypes, RuleMatrixTest,
                         ::testing::Values("Marketplace.Basic", "Support.OfferingTemplate", "Marketplace.Slurm",
                                           "Marketplace.Script", "Waldur.RemoteOffering", "OpenStack.Tenant",
                                           "Marketplace.Rancher"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '.', '_');
                           return name;
                         });

}  // namespace
}  // namespace orderly::testing
