// Resource lifecycle scenarios through the HTTP API (spec README decisions 4-6, clarifications 5,
// 6, 14; domain.md §4, §5.3, §7.2).
#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

constexpr const char* kNoPermission = "You do not have permission to perform this action.";
constexpr const char* kConsumer = "marketplace-resources";
constexpr const char* kProvider = "marketplace-provider-resources";

class ResourceScenarioTest : public ScenarioTest {
 protected:
  ApiResponse Terminate(const std::string& resource, const std::string& token,
                        const json& body = json::object(), const std::string& side = kConsumer) {
    return ActOnResource(side, resource, "terminate", token, body);
  }

  // The uuid of a Terminate order placed by `token` on `resource`.
  std::string TerminateOrder(const std::string& resource, const std::string& token,
                             const json& body = json::object(),
                             const std::string& side = kConsumer) {
    const auto response = Terminate(resource, token, body, side);
    EXPECT_EQ(response.status, 200) << response.text;
    return response.body.value("order_uuid", "");
  }

  json ProviderResource(const std::string& uuid, const std::string& token) {
    const auto response = api().Get(std::string("/api/") + kProvider + "/" + uuid + "/", token);
    EXPECT_EQ(response.status, 200) << response.text;
    return response.body;
  }

  std::vector<std::string> ListUuids(const std::string& side, const std::string& token) {
    const auto response = api().Get("/api/" + side + "/?page_size=300", token);
    EXPECT_EQ(response.status, 200) << response.text;
    return Sorted(Uuids(response.body));
  }
};

// --- terminate (R3, domain.md §3.3 rule 4) ---

TEST_F(ResourceScenarioTest, OwnerTerminationPlacesATerminateOrder) {
  const std::string resource = OkResource(basic_);
  const auto response = Terminate(resource, owner_.token);
  ASSERT_EQ(response.status, 200) << response.text;
  ASSERT_EQ(response.body.size(), 1u) << response.text;
  const std::string order_uuid = response.body["order_uuid"];
  const auto order = Order(order_uuid);
  EXPECT_EQ(order["type"], "Terminate");
  EXPECT_EQ(order["marketplace_resource_uuid"], resource);
  // The owner approves for the consumer; a Basic offering still needs its provider.
  EXPECT_EQ(order["state"], "pending-provider");
  EXPECT_EQ(order["consumer_reviewed_by"], owner_.uuid);
  const auto terminating = Resource(resource);
  EXPECT_EQ(terminating["state"], "Terminating");
  EXPECT_EQ(terminating["order_in_progress"], order_uuid);

  ASSERT_EQ(Act(order_uuid, "approve_by_provider", provider_owner_.token).status, 200);
  ASSERT_EQ(Act(order_uuid, "set_state_done", provider_owner_.token).status, 200);
  EXPECT_EQ(Resource(resource)["state"], "Terminated");
  EXPECT_EQ(Order(order_uuid)["state"], "done");
}

TEST_F(ResourceScenarioTest, ProjectManagerTerminationWaitsForConsumer) {
  const std::string resource = OkResource(basic_);
  const std::string order = TerminateOrder(resource, manager_.token);
  EXPECT_EQ(Order(order)["state"], "pending-consumer");
  EXPECT_EQ(Resource(resource)["state"], "Terminating");
}

TEST_F(ResourceScenarioTest, ProviderOwnerTerminationSkipsConsumerReview) {
  // The provider owner holds no role in the consumer organization, so rule 4 alone lets them
  // through.
  const std::string basic_resource = OkResource(basic_);
  EXPECT_EQ(Terminate(basic_resource, provider_owner_.token).status,
            404);  // consumer path: not visible
  const std::string basic_order =
      TerminateOrder(basic_resource, provider_owner_.token, json::object(), kProvider);
  auto order = Order(basic_order);
  EXPECT_EQ(order["state"], "pending-provider");
  EXPECT_EQ(order["consumer_reviewed_by"], provider_owner_.uuid);

  // With no provider review either (Support), the order goes straight to executing.
  const std::string support_offering = ActiveOffering("Support.OfferingTemplate");
  const std::string support_resource = OkResource(support_offering);
  const std::string support_order =
      TerminateOrder(support_resource, provider_owner_.token, json::object(), kProvider);
  order = Order(support_order);
  EXPECT_EQ(order["state"], "executing");
  EXPECT_EQ(order["type"], "Terminate");
  EXPECT_EQ(Resource(support_resource)["state"], "Terminating");
}

TEST_F(ResourceScenarioTest, TerminateWithAPendingOrderIsRefused) {
  // A Terminating resource whose Terminate order waits for consumer approval.
  const std::string resource = OkResource(basic_);
  const std::string pending = TerminateOrder(resource, manager_.token);
  ASSERT_EQ(Order(pending)["state"], "pending-consumer");
  auto again = Terminate(resource, manager_.token);
  EXPECT_EQ(again.status, 400) << again.text;
  EXPECT_EQ(again.body, json::array({"Pending order for resource already exists."}));

  // An Erred resource keeps its state under a new Terminate order, and that order blocks another.
  const std::string erred = OkResource(basic_);
  ASSERT_EQ(ActOnResource(kProvider, erred, "set_as_erred", provider_owner_.token).status, 200);
  const std::string first = TerminateOrder(erred, manager_.token);
  EXPECT_EQ(Order(first)["state"], "pending-consumer");
  EXPECT_EQ(Resource(erred)["state"], "Erred");
  again = Terminate(erred, manager_.token);
  EXPECT_EQ(again.status, 400) << again.text;
  EXPECT_EQ(again.body, json::array({"Pending order for resource already exists."}));
  EXPECT_EQ(Resource(erred)["order_in_progress"], first);
}

TEST_F(ResourceScenarioTest, ConsumerApproverTerminatingConfirmsThePendingTermination) {
  const std::string resource = OkResource(basic_);
  const std::string pending = TerminateOrder(resource, manager_.token);
  const auto confirmed = Terminate(resource, owner_.token);
  ASSERT_EQ(confirmed.status, 200) << confirmed.text;
  EXPECT_EQ(confirmed.body, json({{"order_uuid", pending}}));
  const auto order = Order(pending);
  EXPECT_EQ(order["state"], "pending-provider");
  EXPECT_EQ(order["consumer_reviewed_by"], owner_.uuid);
}

TEST_F(ResourceScenarioTest, TerminateWhileCreatingIsAConflict) {
  const std::string order = NewOrder(owner_.token, basic_);
  const std::string resource = ResourceUuidOf(order);
  ASSERT_EQ(Resource(resource)["state"], "Creating");
  const auto refused = Terminate(resource, owner_.token);
  EXPECT_EQ(refused.status, 409) << refused.text;
  EXPECT_EQ(refused.body, json({{"detail", "Valid states for operation: OK, Erred."}}));
  EXPECT_EQ(Resource(resource)["order_in_progress"], order);
}

// README §3 check order: 404, 403, blocked (400), state (409), then the body (400).
TEST_F(ResourceScenarioTest, TerminateChecksRulesBeforeTheBody) {
  const json bad = {{"attributes", "now"}};
  const std::string resource = OkResource(basic_);
  EXPECT_EQ(Terminate(resource, stranger_.token, bad).status, 404);
  const auto by_member = Terminate(resource, member_.token, bad);
  EXPECT_EQ(by_member.status, 403) << by_member.text;
  const std::string creating = ResourceUuidOf(NewOrder(owner_.token, basic_));
  const auto wrong_state = Terminate(creating, owner_.token, bad);
  EXPECT_EQ(wrong_state.status, 409) << wrong_state.text;
  const auto bad_body = Terminate(resource, owner_.token, bad);
  EXPECT_EQ(bad_body.status, 400) << bad_body.text;
  EXPECT_TRUE(bad_body.body.contains("attributes")) << bad_body.text;
  EXPECT_EQ(Resource(resource)["state"], "OK");
}

TEST_F(ResourceScenarioTest, TerminateInBlockedOrganizationIsRefused) {
  const std::string resource = OkResource(basic_);
  ASSERT_EQ(
      api().Patch("/api/customers/" + consumer_ + "/", {{"blocked", true}}, staff_token()).status,
      200);
  const auto refused = Terminate(resource, owner_.token);
  EXPECT_EQ(refused.status, 400) << refused.text;
  EXPECT_EQ(refused.body, json::array({"Blocked organization is not available."}));
  EXPECT_EQ(Terminate(resource, member_.token).status, 403);
  EXPECT_EQ(Resource(resource)["state"], "OK");
}

// --- force_destroy (decision 6, clarification 14) ---

TEST_F(ResourceScenarioTest, ForceDestroyIsForStaffOnly) {
  const std::string resource = OkResource(basic_);
  const json force = {{"attributes", {{"action", "force_destroy"}}}};
  const auto by_owner = Terminate(resource, owner_.token, force);
  EXPECT_EQ(by_owner.status, 403) << by_owner.text;
  EXPECT_EQ(by_owner.body, json({{"detail", kNoPermission}}));
  EXPECT_EQ(Terminate(resource, provider_owner_.token, force, kProvider).status, 403);
  EXPECT_EQ(Resource(resource)["state"], "OK");
  EXPECT_EQ(Resource(resource)["order_in_progress"], nullptr);

  const auto by_staff = Terminate(resource, staff_token(), force);
  ASSERT_EQ(by_staff.status, 200) << by_staff.text;
  const auto order = Order(by_staff.body["order_uuid"]);
  EXPECT_EQ(order["type"], "Terminate");
  EXPECT_EQ(order["attributes"], json({{"action", "force_destroy"}}));
  EXPECT_EQ(Resource(resource)["state"], "Terminating");
}

TEST_F(ResourceScenarioTest, FailedForceDestroyTerminatesTheResource) {
  const std::string forced = OkResource(basic_);
  const std::string force_order =
      TerminateOrder(forced, staff_token(), {{"attributes", {{"action", "force_destroy"}}}});
  ASSERT_EQ(Act(force_order, "approve_by_provider", provider_owner_.token).status, 200);
  const auto erred =
      Act(force_order, "set_state_erred", provider_owner_.token, {{"error_message", "Host gone."}});
  ASSERT_EQ(erred.status, 200) << erred.text;
  EXPECT_EQ(Order(force_order)["state"], "erred");
  EXPECT_EQ(Resource(forced)["state"], "Terminated");

  // An ordinary termination that fails gives the resource back (domain.md §4.2).
  const std::string plain = OkResource(basic_);
  const std::string plain_order = TerminateOrder(plain, owner_.token);
  ASSERT_EQ(Act(plain_order, "approve_by_provider", provider_owner_.token).status, 200);
  ASSERT_EQ(Act(plain_order, "set_state_erred", provider_owner_.token, {{"error_message", "Busy."}})
                .status,
            200);
  EXPECT_EQ(Resource(plain)["state"], "OK");
}

// --- Update orders (R4, R5) ---

TEST_F(ResourceScenarioTest, SwitchPlanChangesThePlanWhenDone) {
  const json body = {
      {"name", "Sized"},
      {"customer", provider_},
      {"type", "Marketplace.Basic"},
      {"components",
       {{{"type", "cpu"},
         {"name", "CPU"},
         {"billing_type", "limit"},
         {"min_value", 1},
         {"max_value", 100}}}},
      {"plans",
       {{{"name", "Small"}, {"unit_price", "10"}}, {{"name", "Large"}, {"unit_price", "40"}}}},
  };
  const auto created = api().Post("/api/marketplace-provider-offerings/", body, staff_token());
  ASSERT_EQ(created.status, 201) << created.text;
  const std::string offering = created.body["uuid"];
  std::string small, large;
  for (const auto& plan : created.body["plans"])
    (plan["name"] == "Small" ? small : large) = plan["uuid"];
  ASSERT_EQ(api()
                .Post("/api/marketplace-provider-offerings/" + offering + "/activate/",
                      json::object(), staff_token())
                .status,
            200);
  const auto placed = api().Post("/api/marketplace-orders/",
                                 {{"project", project_},
                                  {"offering", offering},
                                  {"plan", small},
                                  {"attributes", {{"name", "db"}}},
                                  {"limits", {{"cpu", 2}}}},
                                 owner_.token);
  ASSERT_EQ(placed.status, 201) << placed.text;
  const std::string create_order = placed.body["uuid"];
  ASSERT_EQ(Act(create_order, "approve_by_provider", provider_owner_.token).status, 200);
  ASSERT_EQ(Act(create_order, "set_state_done", provider_owner_.token).status, 200);
  const std::string resource = ResourceUuidOf(create_order);

  const auto foreign =
      ActOnResource(kConsumer, resource, "switch_plan", owner_.token, {{"plan", PlanOf(basic_)}});
  EXPECT_EQ(foreign.status, 400) << foreign.text;
  EXPECT_TRUE(foreign.body.contains("plan")) << foreign.text;

  const auto switched =
      ActOnResource(kConsumer, resource, "switch_plan", owner_.token, {{"plan", large}});
  ASSERT_EQ(switched.status, 200) << switched.text;
  const std::string order_uuid = switched.body["order_uuid"];
  const auto order = Order(order_uuid);
  EXPECT_EQ(order["type"], "Update");
  EXPECT_EQ(order["old_plan_uuid"], small);
  EXPECT_EQ(order["plan_uuid"], large);
  EXPECT_EQ(order["limits"], json({{"cpu", 2}}));
  auto updating = Resource(resource);
  EXPECT_EQ(updating["state"], "Updating");
  EXPECT_EQ(updating["plan_uuid"], small);
  // A second switch finds the resource busy.
  EXPECT_EQ(
      ActOnResource(kConsumer, resource, "switch_plan", owner_.token, {{"plan", small}}).status,
      409);

  ASSERT_EQ(Act(order_uuid, "approve_by_provider", provider_owner_.token).status, 200);
  ASSERT_EQ(Act(order_uuid, "set_state_done", provider_owner_.token).status, 200);
  const auto after = Resource(resource);
  EXPECT_EQ(after["state"], "OK");
  EXPECT_EQ(after["plan_uuid"], large);
  EXPECT_EQ(after["plan_name"], "Large");
}

TEST_F(ResourceScenarioTest, UpdateLimitsValidatesAndAppliesWhenDone) {
  const std::string resource = OkResource(basic_);
  const auto update = [&](const json& body) {
    return ActOnResource(kConsumer, resource, "update_limits", owner_.token, body);
  };
  auto response = update({{"limits", {{"cpu", 2}}}});
  EXPECT_EQ(response.status, 400) << response.text;
  EXPECT_EQ(
      response.body,
      json::array({"Impossible to create update orders with limits set to exactly the same."}));

  response = update({{"limits", {{"ram", 4}}}});
  EXPECT_EQ(response.status, 400) << response.text;
  ASSERT_TRUE(response.body.contains("limits")) << response.text;
  EXPECT_NE(response.body["limits"].dump().find("ram"), std::string::npos) << response.text;

  for (const int out_of_bounds : {0, 101}) {
    response = update({{"limits", {{"cpu", out_of_bounds}}}});
    EXPECT_EQ(response.status, 400) << out_of_bounds << ": " << response.text;
    EXPECT_TRUE(response.body.contains("limits")) << response.text;
  }
  response = update(json::object());
  EXPECT_EQ(response.status, 400) << response.text;
  EXPECT_TRUE(response.body.contains("limits")) << response.text;
  EXPECT_EQ(Resource(resource)["state"], "OK");
  EXPECT_EQ(Resource(resource)["order_in_progress"], nullptr);

  // Bounds are inclusive (clarification 18).
  response = update({{"limits", {{"cpu", 100}}}});
  ASSERT_EQ(response.status, 200) << response.text;
  const std::string order_uuid = response.body["order_uuid"];
  const auto order = Order(order_uuid);
  EXPECT_EQ(order["type"], "Update");
  EXPECT_EQ(order["limits"], json({{"cpu", 100}}));
  EXPECT_EQ(order["attributes"]["old_limits"], json({{"cpu", 2}}));
  auto updating = Resource(resource);
  EXPECT_EQ(updating["state"], "Updating");
  EXPECT_EQ(updating["limits"], json({{"cpu", 2}}));

  ASSERT_EQ(Act(order_uuid, "approve_by_provider", provider_owner_.token).status, 200);
  ASSERT_EQ(Act(order_uuid, "set_state_done", provider_owner_.token).status, 200);
  const auto after = Resource(resource);
  EXPECT_EQ(after["state"], "OK");
  EXPECT_EQ(after["limits"], json({{"cpu", 100}}));
}

// Clarification 4: Update orders are also accepted while the offering is paused.
TEST_F(ResourceScenarioTest, UpdateLimitsIsAcceptedWhileTheOfferingIsPaused) {
  const std::string resource = OkResource(basic_);
  ASSERT_EQ(api()
                .Post("/api/marketplace-provider-offerings/" + basic_ + "/pause/", json::object(),
                      staff_token())
                .status,
            200);
  const auto response =
      ActOnResource(kConsumer, resource, "update_limits", owner_.token, {{"limits", {{"cpu", 3}}}});
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(Order(response.body["order_uuid"])["type"], "Update");
  EXPECT_EQ(Resource(resource)["state"], "Updating");
}

// --- repairs (decisions 4, 5, clarification 6) ---

TEST_F(ResourceScenarioTest, SetAsErredOnTerminatingResourceLeavesItsOrderAlone) {
  const std::string resource = OkResource(basic_);
  const std::string order = TerminateOrder(resource, owner_.token);
  const auto order_before = Order(order);
  const auto erred =
      ActOnResource(kProvider, resource, "set_as_erred", provider_owner_.token,
                    {{"error_message", "Stuck."}, {"error_traceback", "Traceback: stuck"}});
  ASSERT_EQ(erred.status, 200) << erred.text;
  const auto seen_by_provider = ProviderResource(resource, provider_owner_.token);
  EXPECT_EQ(seen_by_provider["state"], "Erred");
  EXPECT_EQ(seen_by_provider["error_message"], "Stuck.");
  EXPECT_EQ(seen_by_provider["error_traceback"], "Traceback: stuck");
  const auto seen_by_owner = Resource(resource, owner_.token);
  EXPECT_EQ(seen_by_owner["error_message"], "Stuck.");
  EXPECT_FALSE(seen_by_owner.contains("error_traceback")) << seen_by_owner.dump();
  const auto order_after = Order(order);
  EXPECT_EQ(order_after["state"], "pending-provider");
  EXPECT_EQ(order_after["modified"], order_before["modified"]);
  EXPECT_EQ(seen_by_provider["order_in_progress"], order);
}

TEST_F(ResourceScenarioTest, SetStateOkMovesATerminatingResourceBackOnBothPaths) {
  const json ok_status = {{"status", "Resource state has been set to OK."}};
  // Provider path, provider owner.
  const std::string first = OkResource(basic_);
  TerminateOrder(first, owner_.token);
  auto response = ActOnResource(kProvider, first, "set_state_ok", provider_owner_.token);
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(response.body, ok_status);
  EXPECT_EQ(Resource(first)["state"], "OK");

  // Consumer path: the permission is still the provider side's (RESOURCE.SET_STATE).
  const std::string second = OkResource(basic_);
  TerminateOrder(second, owner_.token);
  response = ActOnResource(kConsumer, second, "set_state_ok", owner_.token);
  EXPECT_EQ(response.status, 403) << response.text;
  EXPECT_EQ(ActOnResource(kConsumer, second, "set_state_ok", provider_owner_.token).status, 404);
  // An offering manager who is also a project member sees it on the consumer path and may repair
  // it.
  Grant("projects", project_, offering_manager_.uuid, "PROJECT.MEMBER");
  response = ActOnResource(kConsumer, second, "set_state_ok", offering_manager_.token);
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(response.body, ok_status);
  EXPECT_EQ(Resource(second)["state"], "OK");

  const std::string third = OkResource(basic_);
  TerminateOrder(third, owner_.token);
  response = ActOnResource(kConsumer, third, "set_state_ok", staff_token());
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(Resource(third)["state"], "OK");
}

TEST_F(ResourceScenarioTest, SetStateOkOnOkResourceIsAConflict) {
  const std::string resource = OkResource(basic_);
  for (const char* side : {kConsumer, kProvider}) {
    SCOPED_TRACE(side);
    const auto response = ActOnResource(side, resource, "set_state_ok", staff_token());
    EXPECT_EQ(response.status, 409) << response.text;
    EXPECT_EQ(
        response.body,
        json({{"detail", "Valid states for operation: Erred, Creating, Updating, Terminating."}}));
  }
}

TEST_F(ResourceScenarioTest, SetAsOkIsANoOpOnOkAndClearsErrorsOtherwise) {
  const std::string resource = OkResource(basic_);
  const auto before = Resource(resource);
  const auto events_before = Events(resource).size();
  auto response = ActOnResource(kProvider, resource, "set_as_ok", provider_owner_.token);
  ASSERT_EQ(response.status, 200) << response.text;
  const auto unchanged = Resource(resource);
  EXPECT_EQ(unchanged["state"], "OK");
  EXPECT_EQ(unchanged["modified"], before["modified"]);
  EXPECT_EQ(Events(resource).size(), events_before);

  ASSERT_EQ(ActOnResource(kProvider, resource, "set_as_erred", provider_owner_.token,
                          {{"error_message", "Lost."}, {"error_traceback", "Traceback: lost"}})
                .status,
            200);
  ASSERT_EQ(Resource(resource)["error_message"], "Lost.");
  response = ActOnResource(kProvider, resource, "set_as_ok", offering_manager_.token);
  ASSERT_EQ(response.status, 200) << response.text;
  const auto repaired = Resource(resource);
  EXPECT_EQ(repaired["state"], "OK");
  EXPECT_EQ(repaired["error_message"], "");
  EXPECT_EQ(repaired["error_traceback"], "");
}

TEST_F(ResourceScenarioTest, SetAsErredOnTerminatedResourceIsAConflict) {
  const std::string resource = OkResource(basic_);
  const std::string order = TerminateOrder(resource, owner_.token);
  ASSERT_EQ(Act(order, "approve_by_provider", provider_owner_.token).status, 200);
  ASSERT_EQ(Act(order, "set_state_done", provider_owner_.token).status, 200);
  ASSERT_EQ(Resource(resource)["state"], "Terminated");
  const auto response = ActOnResource(kProvider, resource, "set_as_erred", provider_owner_.token,
                                      {{"error_message", "Too late."}});
  EXPECT_EQ(response.status, 409) << response.text;
  EXPECT_EQ(response.body,
            json({{"detail",
                   "Valid states for operation: Creating, OK, Erred, Updating, Terminating."}}));
  EXPECT_EQ(Resource(resource)["state"], "Terminated");
  EXPECT_EQ(Resource(resource)["error_message"], "");
}

TEST_F(ResourceScenarioTest, ConsumerOnlyUsersGet404OnProviderActions) {
  const std::string resource = OkResource(basic_);
  const std::vector<std::pair<std::string, json>> actions = {
      {"set_state_ok", json::object()},
      {"set_as_ok", json::object()},
      {"set_as_erred", json::object()},
      {"set_limits", {{"limits", {{"cpu", 3}}}}},
      {"set_backend_id", {{"backend_id", "x"}}},
      {"set_backend_metadata", {{"backend_metadata", {{"a", 1}}}}},
      {"terminate", json::object()},
  };
  for (const auto* user : {&owner_, &manager_, &member_}) {
    SCOPED_TRACE(user->username);
    EXPECT_EQ(
        api().Get(std::string("/api/") + kProvider + "/" + resource + "/", user->token).status,
        404);
    for (const auto& [action, body] : actions) {
      const auto response = ActOnResource(kProvider, resource, action, user->token, body);
      EXPECT_EQ(response.status, 404) << action << ": " << response.text;
    }
  }
  const auto after = Resource(resource);
  EXPECT_EQ(after["state"], "OK");
  EXPECT_EQ(after["limits"], json({{"cpu", 2}}));
  EXPECT_EQ(after["backend_id"], "");
}

// --- provider bookkeeping (R16, R17) ---

TEST_F(ResourceScenarioTest, SetLimitsWritesLimitsDirectly) {
  const std::string resource = OkResource(basic_);
  auto response = ActOnResource(kProvider, resource, "set_limits", provider_owner_.token,
                                {{"limits", {{"ram", 4}}}});
  EXPECT_EQ(response.status, 400) << response.text;
  ASSERT_TRUE(response.body.contains("limits")) << response.text;
  EXPECT_NE(response.body["limits"].dump().find("ram"), std::string::npos) << response.text;
  EXPECT_EQ(Resource(resource)["limits"], json({{"cpu", 2}}));

  response = ActOnResource(kProvider, resource, "set_limits", offering_manager_.token,
                           {{"limits", {{"cpu", 10}}}});
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(response.body, json({{"status", "The resource limits are updated"}}));
  const auto after = Resource(resource);
  EXPECT_EQ(after["limits"], json({{"cpu", 10}}));
  EXPECT_EQ(after["state"], "OK");
  EXPECT_EQ(after["order_in_progress"], nullptr);  // no order is placed
}

TEST_F(ResourceScenarioTest, SetBackendMetadataIsStored) {
  const std::string resource = OkResource(basic_);
  const json metadata = {{"state", "Running"}, {"runtime_state", "ACTIVE"}};
  auto response = ActOnResource(kProvider, resource, "set_backend_metadata", provider_owner_.token,
                                {{"backend_metadata", metadata}});
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(ProviderResource(resource, offering_manager_.token)["backend_metadata"], metadata);
  response = ActOnResource(kProvider, resource, "set_backend_metadata", provider_owner_.token,
                           json::object());
  EXPECT_EQ(response.status, 400) << response.text;
  EXPECT_TRUE(response.body.contains("backend_metadata")) << response.text;
  EXPECT_EQ(Resource(resource)["backend_metadata"], metadata);
}

TEST_F(ResourceScenarioTest, AvailableActionsOnAnOkResourceDependOnTheCaller) {
  const std::string resource = OkResource(basic_);
  using V = std::vector<std::string>;
  const auto actions = [&](const std::string& side, const std::string& token) {
    const auto response = api().Get("/api/" + side + "/" + resource + "/", token);
    EXPECT_EQ(response.status, 200) << response.text;
    return Sorted(response.body["available_actions"].get<V>());
  };
  EXPECT_EQ(actions(kConsumer, owner_.token),
            Sorted({"terminate", "switch_plan", "update_limits"}));
  EXPECT_EQ(actions(kConsumer, member_.token), V{});
  EXPECT_EQ(actions(kProvider, provider_owner_.token),
            Sorted({"terminate", "set_as_ok", "set_as_erred"}));
  EXPECT_EQ(actions(kProvider, offering_manager_.token), Sorted({"set_as_ok", "set_as_erred"}));
  EXPECT_EQ(actions(kConsumer, support_.token), V{});
  EXPECT_EQ(actions(kConsumer, staff_token()),
            Sorted({"terminate", "switch_plan", "update_limits", "set_as_ok", "set_as_erred",
                    "force_destroy", "unlink"}));
  EXPECT_TRUE(Resource(resource, owner_.token)["can_terminate"]);
  EXPECT_FALSE(Resource(resource, member_.token)["can_terminate"]);
}

TEST_F(ResourceScenarioTest, UnlinkIsForStaffOnly) {
  const std::string resource = OkResource(basic_);
  const std::string order = Resource(resource)["creation_order"];
  for (const char* side : {kConsumer, kProvider}) {
    const auto& token = std::string(side) == kConsumer ? owner_.token : provider_owner_.token;
    const auto refused = ActOnResource(side, resource, "unlink", token);
    EXPECT_EQ(refused.status, 403) << side << ": " << refused.text;
    EXPECT_EQ(refused.body, json({{"detail", kNoPermission}}));
  }
  const auto unlinked = ActOnResource(kConsumer, resource, "unlink", staff_token());
  EXPECT_EQ(unlinked.status, 204) << unlinked.text;
  EXPECT_EQ(
      api().Get(std::string("/api/") + kConsumer + "/" + resource + "/", staff_token()).status,
      404);
  EXPECT_EQ(api().Get("/api/marketplace-orders/" + order + "/", staff_token()).status, 404);
  EXPECT_EQ(CountEvents(Events(resource), "marketplace_resource_unlinked"), 1);
}

// --- visibility and events (§5.3, clarification 20) ---

TEST_F(ResourceScenarioTest, ResourcesAreVisibleToEachSideOnItsOwnPath) {
  const std::string resource = OkResource(basic_);
  const std::vector<std::string> just_it{resource};
  const std::vector<std::string> none;
  for (const auto* user : {&owner_, &manager_, &member_}) {
    SCOPED_TRACE(user->username);
    EXPECT_EQ(ListUuids(kConsumer, user->token), just_it);
    EXPECT_EQ(ListUuids(kProvider, user->token), none);
    EXPECT_EQ(Resource(resource, user->token)["uuid"], resource);
  }
  for (const auto* user : {&provider_owner_, &offering_manager_}) {
    SCOPED_TRACE(user->username);
    EXPECT_EQ(ListUuids(kProvider, user->token), just_it);
    EXPECT_EQ(ListUuids(kConsumer, user->token), none);
    EXPECT_EQ(ProviderResource(resource, user->token)["uuid"], resource);
    EXPECT_EQ(
        api().Get(std::string("/api/") + kConsumer + "/" + resource + "/", user->token).status,
        404);
  }
  EXPECT_EQ(ListUuids(kConsumer, support_.token), just_it);
  EXPECT_EQ(ListUuids(kProvider, support_.token), just_it);
  EXPECT_EQ(ListUuids(kConsumer, stranger_.token), none);
  EXPECT_EQ(ListUuids(kProvider, stranger_.token), none);
  EXPECT_EQ(
      api().Get(std::string("/api/") + kConsumer + "/" + resource + "/", stranger_.token).status,
      404);
  EXPECT_EQ(
      api().Get(std::string("/api/") + kProvider + "/" + resource + "/", stranger_.token).status,
      404);
}

TEST_F(ResourceScenarioTest, ResourceEventsTellItsHistoryNewestFirst) {
  const std::string resource = OkResource(basic_);
  const std::string order = TerminateOrder(resource, owner_.token);
  for (const std::string& token : {owner_.token, provider_owner_.token, staff_token()}) {
    const auto events = Events(resource, token);
    ASSERT_EQ(events.size(), 3u) << events.dump();
    EXPECT_EQ(events[0]["event_type"], "marketplace_resource_terminate_requested");
    EXPECT_EQ(events[0]["context"]["from_state"], "OK");
    EXPECT_EQ(events[0]["context"]["to_state"], "Terminating");
    EXPECT_EQ(events[0]["actor_username"], "owner");
    EXPECT_EQ(events[1]["event_type"], "marketplace_resource_create_succeeded");
    EXPECT_EQ(events[1]["context"]["from_state"], "Creating");
    EXPECT_EQ(events[1]["context"]["to_state"], "OK");
    EXPECT_EQ(events[1]["actor_username"], "provider-owner");
    EXPECT_EQ(events[2]["event_type"], "marketplace_resource_create_requested");
    for (const auto& event : events) {
      EXPECT_EQ(event["scope_type"], "resource");
      EXPECT_EQ(event["scope_uuid"], resource);
    }
  }
  // The order's own events stay with the order.
  for (const auto& event : Events(order)) EXPECT_EQ(event["scope_uuid"], order);
  EXPECT_EQ(api().Get("/api/events/?scope=" + resource, stranger_.token).status, 404);
}

}  // namespace
}  // namespace orderly::testing
