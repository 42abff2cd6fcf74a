// Order lifecycle scenarios through the HTTP API, one behaviour per test (spec README §2-§4,
// domain.md §3, §4.2, §5.1-§5.2, §7).
#include <chrono>
#include <ctime>

#include "clock_fixture.hpp"
#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

constexpr const char* kNoPermission = "You do not have permission to perform this action.";
constexpr const char* kToProvider = "Order has been approved and is pending provider approval.";
constexpr const char* kToExecuting = "Order has been approved and is being processed.";
constexpr const char* kToProject = "Order has been approved and is pending project activation.";
constexpr const char* kToStartDate = "Order has been approved and is pending its start date.";

// UTC date `days` from today, YYYY-MM-DD (clarification 17: dates are UTC dates).
std::string UtcDate(int days) {
  const auto when = std::chrono::system_clock::now() + std::chrono::hours(24 * days);
  const std::time_t time = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&time, &tm);
  char text[11];
  std::strftime(text, sizeof(text), "%Y-%m-%d", &tm);
  return text;
}

class OrderScenarioTest : public ScenarioTest {
 protected:
  // A Basic order in pending-start-date: placed by the owner with a far start date and approved by
  // the provider.
  std::string PendingStartDateOrder() {
    const std::string order = NewOrder(owner_.token, basic_, {{"start_date", "2099-01-01"}});
    const auto approved = Act(order, "approve_by_provider", provider_owner_.token);
    EXPECT_EQ(approved.status, 200) << approved.text;
    EXPECT_EQ(Order(order)["state"], "pending-start-date");
    return order;
  }

  // An Update order (update_limits by the owner) on a fresh OK resource, waiting for the provider.
  std::string PendingUpdateOrder() {
    const std::string resource = OkResource(basic_);
    const auto update = ActOnResource("marketplace-resources", resource, "update_limits",
                                      owner_.token, {{"limits", {{"cpu", 8}}}});
    EXPECT_EQ(update.status, 200) << update.text;
    return update.body.value("order_uuid", "");
  }

  // A Terminate order (terminate by the owner) on a fresh OK resource, waiting for the provider.
  std::string PendingTerminateOrder() {
    const std::string resource = OkResource(basic_);
    const auto terminate =
        ActOnResource("marketplace-resources", resource, "terminate", owner_.token);
    EXPECT_EQ(terminate.status, 200) << terminate.text;
    return terminate.body.value("order_uuid", "");
  }

  json List(const std::string& query, const std::string& token = {}) {
    const auto response = api().Get("/api/marketplace-orders/?page_size=300&" + query,
                                    token.empty() ? staff_token() : token);
    EXPECT_EQ(response.status, 200) << query << ": " << response.text;
    return response.body;
  }

  std::vector<std::string> ListUuids(const std::string& query, const std::string& token = {}) {
    return Sorted(Uuids(List(query, token)));
  }

  std::vector<std::string> Actions(const std::string& order, const std::string& token) {
    return Sorted(Order(order, token)["available_actions"].get<std::vector<std::string>>());
  }
};

// --- creation and routing (domain.md §3.1-§3.4) ---

TEST_F(OrderScenarioTest, OwnerCreatedBasicOrderGoesToPendingProvider) {
  const auto created = PlaceOrder(owner_.token, basic_);
  ASSERT_EQ(created.status, 201) << created.text;
  const auto& order = created.body;
  EXPECT_EQ(order["state"], "pending-provider");
  EXPECT_EQ(order["type"], "Create");
  EXPECT_EQ(order["created_by"], owner_.uuid);
  // The owner holds ORDER.APPROVE, so their own order counts as consumer-reviewed by them.
  EXPECT_EQ(order["consumer_reviewed_by"], owner_.uuid);
  EXPECT_EQ(order["consumer_reviewed_by_username"], "owner");
  EXPECT_EQ(order["provider_reviewed_by"], nullptr);
  EXPECT_EQ(order["project_uuid"], project_);
  EXPECT_EQ(order["offering_uuid"], basic_);
  EXPECT_EQ(order["limits"], json({{"cpu", 2}}));
  EXPECT_EQ(order["attributes"], json({{"name", "vm"}}));
  EXPECT_EQ(order["completed_at"], nullptr);
  EXPECT_EQ(Order(order["uuid"])["state"], "pending-provider");
  const auto resource = Resource(order["marketplace_resource_uuid"]);
  EXPECT_EQ(resource["state"], "Creating");
  EXPECT_EQ(resource["name"], "vm");
}

TEST_F(OrderScenarioTest, ProjectManagerCreatedOrderWaitsForConsumer) {
  const auto created = PlaceOrder(manager_.token, basic_);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body["state"], "pending-consumer");
  EXPECT_EQ(created.body["created_by"], manager_.uuid);
  EXPECT_EQ(created.body["consumer_reviewed_by"], nullptr);
  EXPECT_EQ(ResourceStateOf(created.body["uuid"]), "Creating");
}

TEST_F(OrderScenarioTest, StaffCreatedSupportOrderIsExecutingAtOnce) {
  const std::string support_offering = ActiveOffering("Support.OfferingTemplate");
  const auto created = PlaceOrder(staff_token(), support_offering);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body["state"], "executing");
  EXPECT_EQ(Order(created.body["uuid"])["state"], "executing");
  EXPECT_EQ(ResourceStateOf(created.body["uuid"]), "Creating");
}

TEST_F(OrderScenarioTest, CreateAcceptsUrlsAsReferences) {
  const auto offering =
      api().Get("/api/marketplace-public-offerings/" + basic_ + "/", owner_.token);
  ASSERT_EQ(offering.status, 200) << offering.text;
  const auto project = api().Get("/api/projects/" + project_ + "/", owner_.token);
  ASSERT_EQ(project.status, 200) << project.text;
  const auto created = PlaceOrder(owner_.token, basic_,
                                  {{"project", project.body["url"]},
                                   {"offering", offering.body["url"]},
                                   {"plan", offering.body["plans"][0]["url"]}});
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body["project_uuid"], project_);
  EXPECT_EQ(created.body["offering_uuid"], basic_);
  EXPECT_EQ(created.body["plan_uuid"], PlanOf(basic_));
}

// Clarification 2: no review needed and a future start date: pending-start-date at once.
TEST_F(OrderScenarioTest, OrderNeedingNoReviewWithFutureStartDateWaitsAtCreation) {
  const std::string support_offering = ActiveOffering("Support.OfferingTemplate");
  const auto created = PlaceOrder(owner_.token, support_offering, {{"start_date", "2099-01-01"}});
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body["state"], "pending-start-date");
  EXPECT_EQ(created.body["start_date"], "2099-01-01");
  EXPECT_EQ(ResourceStateOf(created.body["uuid"]), "Creating");
  // A start date in the past is refused.
  const auto past = PlaceOrder(owner_.token, support_offering, {{"start_date", "2001-01-01"}});
  EXPECT_EQ(past.status, 400) << past.text;
  EXPECT_TRUE(past.body.contains("start_date")) << past.text;
}

TEST_F(OrderScenarioTest, OnlyActiveOfferingsTakeCreateOrders) {
  ASSERT_EQ(api()
                .Post("/api/marketplace-provider-offerings/" + basic_ + "/pause/", json::object(),
                      staff_token())
                .status,
            200);
  const auto refused = PlaceOrder(owner_.token, basic_);
  EXPECT_EQ(refused.status, 400) << refused.text;
  EXPECT_NE(refused.text.find("Offering is not available."), std::string::npos) << refused.text;
}

// --- consumer approval (domain.md §3.5) ---

TEST_F(OrderScenarioTest, ApproveByConsumerTellsWhereTheOrderWent) {
  const std::string support_offering = ActiveOffering("Support.OfferingTemplate");
  const auto later = api().Post(
      "/api/projects/", {{"customer", consumer_}, {"name", "Later"}, {"start_date", "2099-01-01"}},
      staff_token());
  ASSERT_EQ(later.status, 201) << later.text;
  Grant("projects", later.body["uuid"], manager_.uuid, "PROJECT.MANAGER");

  struct Case {
    std::string order;
    const char* detail;
    const char* state;
  };
  const std::vector<Case> cases = {
      {NewOrder(manager_.token, basic_), kToProvider, "pending-provider"},
      {NewOrder(manager_.token, support_offering), kToExecuting, "executing"},
      {NewOrder(manager_.token, basic_, {{"project", later.body["uuid"]}}), kToProject,
       "pending-project"},
      {NewOrder(manager_.token, support_offering, {{"start_date", "2099-01-01"}}), kToStartDate,
       "pending-start-date"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.state);
    ASSERT_EQ(Order(c.order)["state"], "pending-consumer");
    const auto approved = Act(c.order, "approve_by_consumer", owner_.token);
    ASSERT_EQ(approved.status, 200) << approved.text;
    EXPECT_EQ(approved.body, json({{"detail", c.detail}}));
    const auto order = Order(c.order);
    EXPECT_EQ(order["state"], c.state);
    EXPECT_EQ(order["consumer_reviewed_by"], owner_.uuid);
    EXPECT_NE(order["consumer_reviewed_at"], nullptr);
  }
}

// --- provider approval and rejection (domain.md §3.6, §3.11) ---

TEST_F(OrderScenarioTest, ApproveByProviderStartsExecution) {
  const std::string order = NewOrder(owner_.token, basic_);
  const auto approved =
      Act(order, "approve_by_provider", provider_owner_.token, {{"attributes", {{"rack", "B"}}}});
  ASSERT_EQ(approved.status, 200) << approved.text;
  EXPECT_EQ(approved.body, json({{"detail", kToExecuting}}));
  const auto after = Order(order);
  EXPECT_EQ(after["state"], "executing");
  EXPECT_EQ(after["provider_reviewed_by"], provider_owner_.uuid);
  EXPECT_EQ(after["provider_reviewed_by_username"], "provider-owner");
  EXPECT_NE(after["provider_reviewed_at"], nullptr);
  // Attributes given at approval are merged into the order's.
  EXPECT_EQ(after["attributes"], json({{"name", "vm"}, {"rack", "B"}}));
  EXPECT_EQ(ResourceStateOf(order), "Creating");
  // A second approval finds the order no longer pending-provider.
  const auto again = Act(order, "approve_by_provider", provider_owner_.token);
  EXPECT_EQ(again.status, 409) << again.text;
  EXPECT_EQ(again.body, json({{"detail", "Valid states for operation: pending-provider."}}));
}

TEST_F(OrderScenarioTest, RejectByProviderStoresCommentAndTerminatesResource) {
  const std::string order = NewOrder(owner_.token, basic_);
  const auto rejected = Act(order, "reject_by_provider", provider_owner_.token,
                            {{"provider_rejection_comment", "No capacity."}});
  ASSERT_EQ(rejected.status, 200) << rejected.text;
  const auto after = Order(order);
  EXPECT_EQ(after["state"], "rejected");
  EXPECT_EQ(after["provider_rejection_comment"], "No capacity.");
  EXPECT_EQ(after["provider_reviewed_by"], provider_owner_.uuid);
  EXPECT_NE(after["completed_at"], nullptr);
  EXPECT_EQ(ResourceStateOf(order), "Terminated");
  EXPECT_EQ(CountEvents(Events(order), "marketplace_order_rejected"), 1);
}

TEST_F(OrderScenarioTest, CreatorMayRejectTheirOwnPendingConsumerOrder) {
  const std::string order = NewOrder(manager_.token, basic_);
  // A project member holds no ORDER.REJECT; the manager may reject only as the order's creator.
  const auto by_member = Act(order, "reject_by_consumer", member_.token);
  EXPECT_EQ(by_member.status, 403) << by_member.text;
  const auto rejected = Act(order, "reject_by_consumer", manager_.token,
                            {{"consumer_rejection_comment", "Ordered by mistake."}});
  ASSERT_EQ(rejected.status, 200) << rejected.text;
  const auto after = Order(order);
  EXPECT_EQ(after["state"], "rejected");
  EXPECT_EQ(after["consumer_rejection_comment"], "Ordered by mistake.");
  EXPECT_EQ(after["consumer_reviewed_by"], manager_.uuid);
  EXPECT_NE(after["completed_at"], nullptr);
  EXPECT_EQ(ResourceStateOf(order), "Terminated");
}

// --- manual completion (spec decision 1) ---

TEST_F(OrderScenarioTest, SetStateDoneMakesResourceOk) {
  const std::string order = ExecutingOrder(basic_);
  const auto done = Act(order, "set_state_done", provider_owner_.token);
  ASSERT_EQ(done.status, 200) << done.text;
  const auto after = Order(order);
  EXPECT_EQ(after["state"], "done");
  EXPECT_NE(after["completed_at"], nullptr);
  EXPECT_EQ(ResourceStateOf(order), "OK");
  EXPECT_EQ(CountEvents(Events(order), "marketplace_order_completed"), 1);
  const auto again = Act(order, "set_state_done", provider_owner_.token);
  EXPECT_EQ(again.status, 409) << again.text;
}

TEST_F(OrderScenarioTest, SetStateErredStoresErrorsAndHidesTracebackFromConsumers) {
  const std::string order = ExecutingOrder(basic_);
  const auto erred =
      Act(order, "set_state_erred", provider_owner_.token,
          {{"error_message", "Disk full."}, {"error_traceback", "Traceback: line 1"}});
  ASSERT_EQ(erred.status, 200) << erred.text;

  const auto as_staff = Order(order);
  EXPECT_EQ(as_staff["state"], "erred");
  EXPECT_EQ(as_staff["error_message"], "Disk full.");
  EXPECT_EQ(as_staff["error_traceback"], "Traceback: line 1");
  // set_state_erred does not complete the order (domain.md §2.1).
  EXPECT_EQ(as_staff["completed_at"], nullptr);
  // A Create order's resource without a backend id is given up (domain.md §4.2).
  EXPECT_EQ(ResourceStateOf(order), "Terminated");

  // Clarification 15: staff, support and the provider side see the traceback; the consumer side
  // not.
  for (const auto* user : {&support_, &provider_owner_, &offering_manager_}) {
    SCOPED_TRACE(user->username);
    const auto seen = Order(order, user->token);
    EXPECT_EQ(seen["error_message"], "Disk full.");
    EXPECT_EQ(seen["error_traceback"], "Traceback: line 1");
  }
  for (const auto* user : {&owner_, &manager_, &member_}) {
    SCOPED_TRACE(user->username);
    const auto seen = Order(order, user->token);
    EXPECT_EQ(seen["error_message"], "Disk full.");
    EXPECT_FALSE(seen.contains("error_traceback")) << seen.dump();
  }
  // Clarification 9: the same rule holds for the error texts in events.
  const auto consumer_events = Events(order, owner_.token);
  const auto staff_events = Events(order);
  ASSERT_EQ(consumer_events.size(), staff_events.size());
  bool staff_saw_traceback = false;
  for (const auto& event : staff_events) {
    staff_saw_traceback =
        staff_saw_traceback || event["context"].value("error_traceback", "") == "Traceback: line 1";
  }
  EXPECT_TRUE(staff_saw_traceback) << staff_events.dump();
  // The scope may also be given as the order's url.
  const auto by_url =
      api().Get("/api/events/?scope=" + as_staff["url"].get<std::string>(), staff_token());
  ASSERT_EQ(by_url.status, 200) << by_url.text;
  EXPECT_EQ(by_url.body, staff_events);
  EXPECT_EQ(CountEvents(Events(ResourceUuidOf(order)), "marketplace_resource_create_failed"), 1);
  for (const auto& event : consumer_events)
    EXPECT_FALSE(event["context"].contains("error_traceback")) << event.dump();
}

TEST_F(OrderScenarioTest, SetStateErredLeavesResourceWithBackendIdErred) {
  const std::string order = ExecutingOrder(basic_);
  const std::string resource = ResourceUuidOf(order);
  const auto backend = ActOnResource("marketplace-provider-resources", resource, "set_backend_id",
                                     provider_owner_.token, {{"backend_id", "vm-17"}});
  ASSERT_EQ(backend.status, 200) << backend.text;
  ASSERT_EQ(
      Act(order, "set_state_erred", provider_owner_.token, {{"error_message", "Boot failed."}})
          .status,
      200);
  const auto after = Resource(resource);
  EXPECT_EQ(after["state"], "Erred");
  EXPECT_EQ(after["error_message"], "Boot failed.");
}

// --- retry (domain.md §7.1, spec decision 7) ---

class RetryScenarioTest : public OrderScenarioTest {
 protected:
  // Fails `order` with set_state_erred, retries it, and checks what every order type shares.
  void FailAndRetry(const std::string& order) {
    const auto erred =
        Act(order, "set_state_erred", provider_owner_.token,
            {{"error_message", "Backend said no."}, {"error_traceback", "Traceback: deep"}});
    ASSERT_EQ(erred.status, 200) << erred.text;
    ASSERT_EQ(Order(order)["state"], "erred");

    const auto retried = Act(order, "retry", offering_manager_.token);
    ASSERT_EQ(retried.status, 200) << retried.text;
    const auto after = Order(order);
    EXPECT_EQ(after["state"], "executing");
    EXPECT_EQ(after["error_message"], "");
    EXPECT_EQ(after["error_traceback"], "");
    EXPECT_EQ(after["completed_at"], nullptr);
    const auto resource = Resource(after["marketplace_resource_uuid"]);
    EXPECT_EQ(resource["error_message"], "");
    EXPECT_EQ(resource["error_traceback"], "");

    // Decision 7: the event log still has the earlier error in full.
    bool error_kept = false;
    for (const auto& event : Events(order)) {
      if (event["event_type"] == "marketplace_order_failed") {
        error_kept = event["context"].value("error_message", "") == "Backend said no." &&
                     event["context"].value("error_traceback", "") == "Traceback: deep";
      }
    }
    EXPECT_TRUE(error_kept) << Events(order).dump();

    // Only an erred order can be retried.
    const auto again = Act(order, "retry", offering_manager_.token);
    EXPECT_EQ(again.status, 409) << again.text;
    EXPECT_EQ(again.body, json({{"detail", "Valid states for operation: erred."}}));
  }
};

TEST_F(RetryScenarioTest, RetryOfCreateOrderRecreatesResource) {
  const std::string order = ExecutingOrder(basic_);
  FailAndRetry(order);
  EXPECT_EQ(ResourceStateOf(order), "Creating");
}

TEST_F(RetryScenarioTest, RetryOfCreateOrderNeedsAnErredOrTerminatedResource) {
  const std::string order = ExecutingOrder(basic_);
  const std::string resource = ResourceUuidOf(order);
  ASSERT_EQ(ActOnResource("marketplace-provider-resources", resource, "set_backend_id",
                          provider_owner_.token, {{"backend_id", "vm-1"}})
                .status,
            200);
  ASSERT_EQ(Act(order, "set_state_erred", provider_owner_.token, {{"error_message", "x"}}).status,
            200);
  ASSERT_EQ(Resource(resource)["state"], "Erred");
  ASSERT_EQ(
      ActOnResource("marketplace-provider-resources", resource, "set_as_ok", provider_owner_.token)
          .status,
      200);
  const auto refused = Act(order, "retry", provider_owner_.token);
  EXPECT_EQ(refused.status, 400) << refused.text;
  EXPECT_EQ(refused.body,
            json::array({"Cannot retry: resource state OK does not allow transition."}));
  EXPECT_EQ(Order(order)["state"], "erred");
  EXPECT_EQ(Resource(resource)["state"], "OK");
}

TEST_F(RetryScenarioTest, RetryOfUpdateOrderPutsResourceBackToUpdating) {
  const std::string order = PendingUpdateOrder();
  ASSERT_EQ(Act(order, "approve_by_provider", provider_owner_.token).status, 200);
  ASSERT_EQ(Order(order)["type"], "Update");
  FailAndRetry(order);
  EXPECT_EQ(ResourceStateOf(order), "Updating");
}

TEST_F(RetryScenarioTest, RetryOfTerminateOrderPutsResourceBackToTerminating) {
  const std::string order = PendingTerminateOrder();
  ASSERT_EQ(Act(order, "approve_by_provider", provider_owner_.token).status, 200);
  ASSERT_EQ(Order(order)["type"], "Terminate");
  FailAndRetry(order);
  EXPECT_EQ(ResourceStateOf(order), "Terminating");
}

// --- cancel (spec decision 2, domain.md §7.3) ---

TEST_F(OrderScenarioTest, CancelInEveryAllowedStateTerminatesTheNewResource) {
  const std::vector<std::pair<std::string, std::string>> orders = {
      {"pending-consumer", NewOrder(manager_.token, basic_)},
      {"pending-provider", NewOrder(owner_.token, basic_)},
      {"pending-start-date", PendingStartDateOrder()},
      {"executing", ExecutingOrder(basic_)},
  };
  for (const auto& [state, order] : orders) {
    SCOPED_TRACE(state);
    ASSERT_EQ(Order(order)["state"], state);
    const auto canceled = Act(order, "cancel", manager_.token);
    ASSERT_EQ(canceled.status, 202) << canceled.text;
    const auto after = Order(order);
    EXPECT_EQ(after["state"], "canceled");
    EXPECT_NE(after["completed_at"], nullptr);
    EXPECT_EQ(ResourceStateOf(order), "Terminated");
    EXPECT_EQ(CountEvents(Events(order), "marketplace_order_terminated"), 1);
  }
}

TEST_F(OrderScenarioTest, CancelOfTerminateOrderReturnsResourceToOk) {
  const std::string order = PendingTerminateOrder();
  ASSERT_EQ(ResourceStateOf(order), "Terminating");
  const auto canceled = Act(order, "cancel", owner_.token);
  ASSERT_EQ(canceled.status, 202) << canceled.text;
  EXPECT_EQ(Order(order)["state"], "canceled");
  EXPECT_EQ(ResourceStateOf(order), "OK");
}

TEST_F(OrderScenarioTest, CancelOfUpdateOrderReturnsResourceToOk) {
  const std::string order = PendingUpdateOrder();
  ASSERT_EQ(ResourceStateOf(order), "Updating");
  ASSERT_EQ(Act(order, "cancel", owner_.token).status, 202);
  EXPECT_EQ(ResourceStateOf(order), "OK");
}

TEST_F(OrderScenarioTest, CancelOfFinishedOrderIsAConflict) {
  const std::string order = ExecutingOrder(basic_);
  ASSERT_EQ(Act(order, "set_state_done", provider_owner_.token).status, 200);
  const auto canceled = Act(order, "cancel", owner_.token);
  EXPECT_EQ(canceled.status, 409) << canceled.text;
  EXPECT_EQ(canceled.body, json({{"detail",
                                  "Valid states for operation: pending-consumer, pending-provider, "
                                  "pending-start-date, executing."}}));
  EXPECT_EQ(Order(order)["state"], "done");
}

TEST_F(OrderScenarioTest, CancelOnSlurmOfferingIsNotAllowed) {
  const std::string slurm = ActiveOffering("Marketplace.Slurm");
  const std::string order = NewOrder(owner_.token, slurm);
  ASSERT_EQ(Order(order)["state"], "pending-provider");
  const auto canceled = Act(order, "cancel", owner_.token);
  EXPECT_EQ(canceled.status, 405) << canceled.text;
  EXPECT_EQ(
      canceled.body,
      json({{"detail",
             "The order's offering with Marketplace.Slurm type does not support this action."}}));
  EXPECT_EQ(Order(order)["state"], "pending-provider");
  EXPECT_EQ(ResourceStateOf(order), "Creating");
}

// --- PATCH and DELETE (clarification 16) ---

TEST_F(OrderScenarioTest, PatchInPendingConsumerReplacesAttributesAndLimits) {
  const std::string order =
      NewOrder(manager_.token, basic_, {{"attributes", {{"name", "vm"}, {"note", "first"}}}});
  const json attributes = {{"name", "renamed"}, {"size", "L"}};
  const auto patched =
      api().Patch("/api/marketplace-orders/" + order + "/",
                  {{"attributes", attributes}, {"limits", {{"cpu", 4}}}}, owner_.token);
  ASSERT_EQ(patched.status, 200) << patched.text;
  EXPECT_EQ(patched.body["attributes"], attributes);  // replaced: "note" is gone
  EXPECT_EQ(patched.body["limits"], json({{"cpu", 4}}));
  EXPECT_EQ(Order(order)["attributes"], attributes);
  // The Create order's resource follows its order while it is being set up.
  const auto resource = Resource(ResourceUuidOf(order));
  EXPECT_EQ(resource["name"], "renamed");
  EXPECT_EQ(resource["limits"], json({{"cpu", 4}}));

  const auto out_of_bounds = api().Patch("/api/marketplace-orders/" + order + "/",
                                         {{"limits", {{"cpu", 1000}}}}, owner_.token);
  EXPECT_EQ(out_of_bounds.status, 400) << out_of_bounds.text;
  EXPECT_TRUE(out_of_bounds.body.contains("limits")) << out_of_bounds.text;
  // The manager holds no ORDER.APPROVE.
  const auto by_manager = api().Patch("/api/marketplace-orders/" + order + "/",
                                      {{"limits", {{"cpu", 3}}}}, manager_.token);
  EXPECT_EQ(by_manager.status, 403) << by_manager.text;
  EXPECT_EQ(Order(order)["limits"], json({{"cpu", 4}}));
}

TEST_F(OrderScenarioTest, PatchOutsidePendingConsumerIsAConflict) {
  const std::string order = NewOrder(owner_.token, basic_);
  ASSERT_EQ(Order(order)["state"], "pending-provider");
  const auto patched = api().Patch("/api/marketplace-orders/" + order + "/",
                                   {{"limits", {{"cpu", 4}}}}, owner_.token);
  EXPECT_EQ(patched.status, 409) << patched.text;
  EXPECT_EQ(patched.body, json({{"detail", "Valid states for operation: pending-consumer."}}));
  EXPECT_EQ(Order(order)["limits"], json({{"cpu", 2}}));
}

TEST_F(OrderScenarioTest, DeletePendingCreateOrderTerminatesItsResource) {
  const std::string waiting_for_consumer = NewOrder(manager_.token, basic_);
  const std::string waiting_for_provider = NewOrder(owner_.token, basic_);
  for (const auto& order : {waiting_for_consumer, waiting_for_provider}) {
    const std::string resource = ResourceUuidOf(order);
    const auto deleted = api().Delete("/api/marketplace-orders/" + order + "/", manager_.token);
    ASSERT_EQ(deleted.status, 204) << deleted.text;
    EXPECT_EQ(api().Get("/api/marketplace-orders/" + order + "/", staff_token()).status, 404);
    EXPECT_EQ(Resource(resource)["state"], "Terminated");
  }
}

TEST_F(OrderScenarioTest, DeletePendingUpdateOrderReturnsResourceToOk) {
  const std::string order = PendingUpdateOrder();
  const std::string resource = ResourceUuidOf(order);
  ASSERT_EQ(api().Delete("/api/marketplace-orders/" + order + "/", owner_.token).status, 204);
  EXPECT_EQ(Resource(resource)["state"], "OK");
}

TEST_F(OrderScenarioTest, DeleteOfExecutingOrderIsAConflict) {
  const std::string order = ExecutingOrder(basic_);
  const auto deleted = api().Delete("/api/marketplace-orders/" + order + "/", owner_.token);
  EXPECT_EQ(deleted.status, 409) << deleted.text;
  EXPECT_EQ(deleted.body,
            json({{"detail", "Valid states for operation: pending-consumer, pending-provider."}}));
  EXPECT_EQ(Order(order)["state"], "executing");
}

// README §3: the body is validated after the permission, state and offering type checks.
TEST_F(OrderScenarioTest, BodyIsValidatedAfterTheRuleChecks) {
  const std::string waiting_for_provider = NewOrder(owner_.token, basic_);
  const auto patched = api().Patch("/api/marketplace-orders/" + waiting_for_provider + "/",
                                   {{"limits", "lots"}}, owner_.token);
  EXPECT_EQ(patched.status, 409) << patched.text;
  const auto by_member = api().Patch("/api/marketplace-orders/" + waiting_for_provider + "/",
                                     {{"limits", "lots"}}, member_.token);
  EXPECT_EQ(by_member.status, 403) << by_member.text;

  const std::string support_order =
      NewOrder(owner_.token, ActiveOffering("Support.OfferingTemplate"));
  const auto unsupported =
      Act(support_order, "set_state_erred", staff_token(), {{"error_message", 5}});
  EXPECT_EQ(unsupported.status, 405) << unsupported.text;

  const std::string executing = ExecutingOrder(basic_);
  const auto bad_body =
      Act(executing, "set_state_erred", provider_owner_.token, {{"error_message", 5}});
  EXPECT_EQ(bad_body.status, 400) << bad_body.text;
  EXPECT_TRUE(bad_body.body.contains("error_message")) << bad_body.text;
  EXPECT_EQ(Order(executing)["state"], "executing");
}

// --- organization and project gates (README §3 check order, clarification 3) ---

TEST_F(OrderScenarioTest, BlockedOrganizationRefusesConsumerApprovalAfter403Before409) {
  const std::string waiting = NewOrder(manager_.token, basic_);
  const std::string past_consumer = NewOrder(owner_.token, basic_);
  ASSERT_EQ(
      api().Patch("/api/customers/" + consumer_ + "/", {{"blocked", true}}, staff_token()).status,
      200);

  const auto blocked = Act(waiting, "approve_by_consumer", owner_.token);
  EXPECT_EQ(blocked.status, 400) << blocked.text;
  EXPECT_EQ(blocked.body, json::array({"Blocked organization is not available."}));
  EXPECT_EQ(Act(waiting, "approve_by_consumer", stranger_.token).status, 404);
  EXPECT_EQ(Act(waiting, "approve_by_consumer", member_.token).status, 403);
  // The organization check comes before the state check.
  const auto wrong_state = Act(past_consumer, "approve_by_consumer", owner_.token);
  EXPECT_EQ(wrong_state.status, 400) << wrong_state.text;
  EXPECT_EQ(Order(waiting)["state"], "pending-consumer");

  // Provider approval and new orders are refused too.
  const auto provider_approval = Act(past_consumer, "approve_by_provider", provider_owner_.token);
  EXPECT_EQ(provider_approval.status, 400) << provider_approval.text;
  EXPECT_EQ(provider_approval.body, json::array({"Blocked organization is not available."}));
  EXPECT_EQ(PlaceOrder(owner_.token, basic_).status, 400);

  ASSERT_EQ(
      api().Patch("/api/customers/" + consumer_ + "/", {{"blocked", false}}, staff_token()).status,
      200);
  EXPECT_EQ(Act(past_consumer, "approve_by_consumer", owner_.token).status, 409);
  EXPECT_EQ(Act(waiting, "approve_by_consumer", owner_.token).status, 200);
}

TEST_F(OrderScenarioTest, ExpiredProjectRefusesConsumerApproval) {
  const std::string first = NewOrder(manager_.token, basic_);
  const std::string second = NewOrder(manager_.token, basic_);
  // Ending tomorrow: not expired yet.
  ASSERT_EQ(api()
                .Patch("/api/projects/" + project_ + "/", {{"end_date", UtcDate(1)}}, staff_token())
                .status,
            200);
  EXPECT_EQ(Act(first, "approve_by_consumer", owner_.token).status, 200);
  // Ending today: expired (end_date <= today).
  ASSERT_EQ(api()
                .Patch("/api/projects/" + project_ + "/", {{"end_date", UtcDate(0)}}, staff_token())
                .status,
            200);
  const auto expired = Act(second, "approve_by_consumer", owner_.token);
  EXPECT_EQ(expired.status, 400) << expired.text;
  EXPECT_EQ(expired.body, json::array({"Project 'Project' is expired."}));
  EXPECT_EQ(Act(second, "approve_by_consumer", member_.token).status, 403);
  EXPECT_EQ(Order(second)["state"], "pending-consumer");
  const auto create = PlaceOrder(owner_.token, basic_);
  EXPECT_EQ(create.status, 400) << create.text;
  EXPECT_NE(create.text.find("Project 'Project' is expired."), std::string::npos) << create.text;
}

// --- pending-project and pending-start-date (domain.md §3.7) ---

TEST_F(OrderScenarioTest, PendingProjectOrderIsReleasedOnceTheStartDateIsCleared) {
  const auto later = api().Post(
      "/api/projects/", {{"customer", consumer_}, {"name", "Later"}, {"start_date", "2099-01-01"}},
      staff_token());
  ASSERT_EQ(later.status, 201) << later.text;
  const std::string project = later.body["uuid"];
  Grant("projects", project, manager_.uuid, "PROJECT.MANAGER");
  const std::string order = NewOrder(manager_.token, basic_, {{"project", project}});
  const auto approved = Act(order, "approve_by_consumer", owner_.token);
  ASSERT_EQ(approved.status, 200) << approved.text;
  EXPECT_EQ(approved.body, json({{"detail", kToProject}}));
  ASSERT_EQ(Order(order)["state"], "pending-project");

  // While the project has not started, the periodic job leaves the order alone.
  auto run = api().Post("/api/periodic-jobs/run/", json::object(), staff_token());
  ASSERT_EQ(run.status, 200) << run.text;
  EXPECT_EQ(run.body, json({{"pending_project_released", 0},
                            {"pending_start_date_released", 0},
                            {"timed_out", 0},
                            {"remote_pulls_queued", 0}}));
  EXPECT_EQ(Order(order)["state"], "pending-project");

  const auto cleared =
      api().Patch("/api/projects/" + project + "/", {{"start_date", nullptr}}, staff_token());
  ASSERT_EQ(cleared.status, 200) << cleared.text;
  EXPECT_EQ(cleared.body["start_date"], nullptr);
  // domain.md §3.7 also releases such orders on the project save itself; either way one release.
  const bool released_on_save = Order(order)["state"] != "pending-project";
  run = api().Post("/api/periodic-jobs/run/", json::object(), staff_token());
  ASSERT_EQ(run.status, 200) << run.text;
  EXPECT_EQ(run.body, json({{"pending_project_released", released_on_save ? 0 : 1},
                            {"pending_start_date_released", 0},
                            {"timed_out", 0},
                            {"remote_pulls_queued", 0}}));
  // A Basic order still needs the provider.
  EXPECT_EQ(Order(order)["state"], "pending-provider");
  int releases = 0;
  for (const auto& event : Events(order)) {
    releases += event["context"].value("from_state", "") == "pending-project" ? 1 : 0;
  }
  EXPECT_EQ(releases, 1);
}

class OrderScenarioClockTest : public WithClock<OrderScenarioTest> {};

TEST_F(OrderScenarioClockTest, PendingStartDateOrderIsReleasedWhenItsDateComes) {
  SetNow("2030-01-01T12:00:00.000000Z");
  const std::string order = NewOrder(owner_.token, basic_, {{"start_date", "2030-01-05"}});
  const auto approved = Act(order, "approve_by_provider", provider_owner_.token);
  ASSERT_EQ(approved.status, 200) << approved.text;
  EXPECT_EQ(approved.body, json({{"detail", kToStartDate}}));
  ASSERT_EQ(Order(order)["state"], "pending-start-date");

  const auto run = [&] {
    const auto response = api().Post("/api/periodic-jobs/run/", json::object(), staff_token());
    EXPECT_EQ(response.status, 200) << response.text;
    return response.body;
  };
  EXPECT_EQ(run(), json({{"pending_project_released", 0},
                         {"pending_start_date_released", 0},
                         {"timed_out", 0},
                         {"remote_pulls_queued", 0}}));
  SetNow("2030-01-04T23:59:59.000000Z");
  EXPECT_EQ(run(), json({{"pending_project_released", 0},
                         {"pending_start_date_released", 0},
                         {"timed_out", 0},
                         {"remote_pulls_queued", 0}}));
  EXPECT_EQ(Order(order)["state"], "pending-start-date");
  // Clarification 17: an order whose start date is today starts now.
  SetNow("2030-01-05T00:00:00.000000Z");
  EXPECT_EQ(run(), json({{"pending_project_released", 0},
                         {"pending_start_date_released", 1},
                         {"timed_out", 0},
                         {"remote_pulls_queued", 0}}));
  const auto after = Order(order);
  EXPECT_EQ(after["state"], "executing");
  EXPECT_EQ(ResourceStateOf(order), "Creating");
  EXPECT_EQ(CountEvents(Events(order), "marketplace_order_approved"), 1);
}

TEST_F(OrderScenarioClockTest, PendingProjectOrderIsReleasedWhenTheProjectStarts) {
  SetNow("2030-01-01T12:00:00.000000Z");
  const auto project = api().Post(
      "/api/projects/", {{"customer", consumer_}, {"name", "Soon"}, {"start_date", "2030-01-03"}},
      staff_token());
  ASSERT_EQ(project.status, 201) << project.text;
  const std::string support_offering = ActiveOffering("Support.OfferingTemplate");
  const auto created =
      PlaceOrder(owner_.token, support_offering, {{"project", project.body["uuid"]}});
  ASSERT_EQ(created.status, 201) << created.text;
  // The owner needs no consumer review, but the project has not started (domain.md §3.2).
  EXPECT_EQ(created.body["state"], "pending-project");
  const std::string order = created.body["uuid"];

  const auto run = [&] {
    const auto response = api().Post("/api/periodic-jobs/run/", json::object(), staff_token());
    EXPECT_EQ(response.status, 200) << response.text;
    return response.body;
  };
  SetNow("2030-01-02T23:59:59.999999Z");
  EXPECT_EQ(run(), json({{"pending_project_released", 0},
                         {"pending_start_date_released", 0},
                         {"timed_out", 0},
                         {"remote_pulls_queued", 0}}));
  EXPECT_EQ(Order(order)["state"], "pending-project");
  SetNow("2030-01-03T00:00:00.000000Z");
  EXPECT_EQ(run(), json({{"pending_project_released", 1},
                         {"pending_start_date_released", 0},
                         {"timed_out", 0},
                         {"remote_pulls_queued", 0}}));
  // A Support offering needs no provider review: straight to executing.
  EXPECT_EQ(Order(order)["state"], "executing");
}

TEST_F(OrderScenarioTest, OnlyStaffMayRunPeriodicJobs) {
  for (const auto* user : {&owner_, &provider_owner_, &support_}) {
    SCOPED_TRACE(user->username);
    const auto refused = api().Post("/api/periodic-jobs/run/", json::object(), user->token);
    EXPECT_EQ(refused.status, 403) << refused.text;
    EXPECT_EQ(refused.body, json({{"detail", kNoPermission}}));
  }
  EXPECT_EQ(api().Post("/api/periodic-jobs/run/", json::object()).status, 401);
  EXPECT_EQ(api().Post("/api/periodic-jobs/run/", json::object(), staff_token()).status, 200);
}

// --- list filters (domain.md §5.2) ---

TEST_F(OrderScenarioTest, ListFiltersByStateTypeOfferingProjectAndProvider) {
  const std::string support_offering = ActiveOffering("Support.OfferingTemplate");
  const std::string other_project = MakeProject(consumer_, "Other")["uuid"];
  const std::string other_provider = MakeCustomer("Provider Two")["uuid"];
  MakeProvider(other_provider);
  const std::string other_basic = ActiveOffering("Marketplace.Basic", other_provider);

  const std::string pending_consumer = NewOrder(manager_.token, basic_);
  const std::string pending_provider = NewOrder(owner_.token, basic_);
  const std::string support_executing = NewOrder(owner_.token, support_offering);
  const std::string in_other_project = NewOrder(owner_.token, basic_, {{"project", other_project}});
  const std::string at_other_provider = NewOrder(owner_.token, other_basic);
  const std::string resource = OkResource(basic_);
  const std::string done = Resource(resource)["creation_order"];
  const auto terminate =
      ActOnResource("marketplace-resources", resource, "terminate", owner_.token);
  ASSERT_EQ(terminate.status, 200) << terminate.text;
  const std::string terminating = terminate.body["order_uuid"];

  EXPECT_EQ(ListUuids("state=pending-consumer&state=pending-provider"),
            Sorted({pending_consumer, pending_provider, in_other_project, at_other_provider,
                    terminating}));
  // Numeric codes of domain.md §1.2 are accepted too.
  EXPECT_EQ(ListUuids("state=7"),
            Sorted({pending_provider, in_other_project, at_other_provider, terminating}));
  EXPECT_EQ(ListUuids("state=1&state=3"), Sorted({pending_consumer, done}));
  EXPECT_EQ(ListUuids("state=executing"), Sorted({support_executing}));
  EXPECT_EQ(ListUuids("type=Terminate"), Sorted({terminating}));
  EXPECT_EQ(ListUuids("type=Create&state=done"), Sorted({done}));
  EXPECT_EQ(ListUuids("offering_uuid=" + support_offering), Sorted({support_executing}));
  EXPECT_EQ(ListUuids("project_uuid=" + other_project), Sorted({in_other_project}));
  EXPECT_EQ(ListUuids("provider_uuid=" + other_provider), Sorted({at_other_provider}));
  EXPECT_EQ(ListUuids("provider_uuid=" + provider_ + "&state=pending-provider"),
            Sorted({pending_provider, in_other_project, terminating}));

  const auto all = api().Get("/api/marketplace-orders/", staff_token());
  EXPECT_EQ(all.Header("X-Result-Count"), "7");
  const auto unknown = api().Get("/api/marketplace-orders/?state=sleeping", staff_token());
  EXPECT_EQ(unknown.status, 400) << unknown.text;
  EXPECT_TRUE(unknown.body.contains("state")) << unknown.text;
}

TEST_F(OrderScenarioTest, CanApproveAsConsumerListsWhatTheCallerMayApprove) {
  const std::string mine = NewOrder(manager_.token, basic_);
  NewOrder(owner_.token, basic_);  // pending-provider: not for the consumer
  // A pending-consumer order of another organization.
  const std::string elsewhere_customer = MakeCustomer("Elsewhere")["uuid"];
  const std::string elsewhere_project = MakeProject(elsewhere_customer, "Theirs")["uuid"];
  const auto theirs_manager = MakeUser("their-manager");
  Grant("projects", elsewhere_project, theirs_manager.uuid, "PROJECT.MANAGER");
  const std::string theirs =
      NewOrder(theirs_manager.token, basic_, {{"project", elsewhere_project}});

  EXPECT_EQ(ListUuids("can_approve_as_consumer=true", owner_.token), Sorted({mine}));
  EXPECT_EQ(ListUuids("can_approve_as_consumer=true", member_.token), std::vector<std::string>{});
  EXPECT_EQ(ListUuids("can_approve_as_consumer=true", manager_.token), std::vector<std::string>{});
  EXPECT_EQ(ListUuids("can_approve_as_consumer=true"), Sorted({mine, theirs}));
  // Without the filter the member still sees the project's orders.
  EXPECT_EQ(List("", member_.token).size(), 2u);
}

TEST_F(OrderScenarioTest, CanApproveAsProviderListsWhatTheCallerMayApprove) {
  const std::string other_provider = MakeCustomer("Provider Two")["uuid"];
  MakeProvider(other_provider);
  const std::string other_basic = ActiveOffering("Marketplace.Basic", other_provider);
  const std::string ours = NewOrder(owner_.token, basic_);
  NewOrder(manager_.token, basic_);  // pending-consumer: not for the provider yet
  const std::string other = NewOrder(owner_.token, other_basic);

  EXPECT_EQ(ListUuids("can_approve_as_provider=true", provider_owner_.token), Sorted({ours}));
  EXPECT_EQ(ListUuids("can_approve_as_provider=true", offering_manager_.token), Sorted({ours}));
  EXPECT_EQ(ListUuids("can_approve_as_provider=true", owner_.token), std::vector<std::string>{});
  EXPECT_EQ(ListUuids("can_approve_as_provider=true"), Sorted({ours, other}));
}

TEST_F(OrderScenarioTest, ListOrdersNewestFirstWithMinusCreated) {
  const std::string first = NewOrder(owner_.token, basic_);
  const std::string second = NewOrder(manager_.token, basic_);
  const std::string third = NewOrder(owner_.token, basic_);
  EXPECT_EQ(Uuids(List("o=-created")), (std::vector<std::string>{third, second, first}));
  EXPECT_EQ(Uuids(List("o=created")), (std::vector<std::string>{first, second, third}));
}

// --- representation ---

TEST_F(OrderScenarioTest, AvailableActionsDependOnTheCaller) {
  const std::string order = NewOrder(owner_.token, basic_);
  ASSERT_EQ(Order(order)["state"], "pending-provider");
  using V = std::vector<std::string>;
  // set_state_erred has no state check for Basic (domain.md §5.2 #12, decision 1).
  EXPECT_EQ(Actions(order, provider_owner_.token),
            Sorted({"approve_by_provider", "reject_by_provider", "set_state_erred"}));
  EXPECT_EQ(Actions(order, offering_manager_.token),
            Sorted({"approve_by_provider", "reject_by_provider", "set_state_erred"}));
  EXPECT_EQ(Actions(order, owner_.token), V{"cancel"});
  EXPECT_EQ(Actions(order, member_.token), V{});
  EXPECT_EQ(Actions(order, support_.token), V{});
  EXPECT_EQ(Actions(order, staff_token()), Sorted({"approve_by_provider", "reject_by_provider",
                                                   "cancel", "set_state_erred", "unlink"}));
  // Waiting for the consumer: the owner approves or rejects; the creator may reject their own.
  const std::string waiting = NewOrder(manager_.token, basic_);
  EXPECT_EQ(Actions(waiting, owner_.token),
            Sorted({"approve_by_consumer", "reject_by_consumer", "cancel"}));
  EXPECT_EQ(Actions(waiting, manager_.token), Sorted({"reject_by_consumer", "cancel"}));
  EXPECT_EQ(Actions(waiting, provider_owner_.token), V{"set_state_erred"});
  // Each listed action is accepted: the provider owner approves.
  ASSERT_EQ(Act(order, "approve_by_provider", provider_owner_.token).status, 200);
  EXPECT_EQ(Actions(order, provider_owner_.token), Sorted({"set_state_done", "set_state_erred"}));
  EXPECT_EQ(Actions(order, owner_.token), V{"cancel"});
}

TEST_F(OrderScenarioTest, OrderResourceEndpointReturnsTheOrdersResource) {
  const std::string order = NewOrder(manager_.token, basic_);
  const auto resource =
      api().Get("/api/marketplace-orders/" + order + "/resource/", manager_.token);
  ASSERT_EQ(resource.status, 200) << resource.text;
  EXPECT_EQ(resource.body["uuid"], Order(order)["marketplace_resource_uuid"]);
  EXPECT_EQ(resource.body["state"], "Creating");
  EXPECT_EQ(resource.body["creation_order"], order);
  EXPECT_EQ(resource.body["order_in_progress"], order);
  EXPECT_EQ(api().Get("/api/marketplace-orders/" + order + "/resource/", stranger_.token).status,
            404);
  EXPECT_EQ(
      api().Get("/api/marketplace-orders/" + order + "/resource/", provider_owner_.token).status,
      200);
}

// --- provider bookkeeping and staff unlink ---

TEST_F(OrderScenarioTest, SetBackendIdOnOrder) {
  const std::string order = ExecutingOrder(basic_);
  const auto path = "/api/marketplace-orders/" + order + "/set_backend_id/";
  auto response = api().Post(path, {{"backend_id", "ticket-42"}}, provider_owner_.token);
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(response.body, json({{"status", "Order backend_id has been changed."}}));
  EXPECT_EQ(Order(order)["backend_id"], "ticket-42");
  response = api().Post(path, {{"backend_id", "ticket-42"}}, offering_manager_.token);
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(response.body, json({{"status", "Order backend_id is not changed."}}));

  for (const json& bad :
       {json::object(), json({{"backend_id", ""}}), json({{"backend_id", nullptr}})}) {
    response = api().Post(path, bad, provider_owner_.token);
    EXPECT_EQ(response.status, 400) << bad.dump() << ": " << response.text;
    EXPECT_TRUE(response.body.contains("backend_id")) << response.text;
  }
  // The consumer owner holds RESOURCE.SET_BACKEND_ID, but on the consumer organization only.
  EXPECT_EQ(api().Post(path, {{"backend_id", "mine"}}, owner_.token).status, 403);
  EXPECT_EQ(Order(order)["backend_id"], "ticket-42");
}

TEST_F(OrderScenarioTest, UnlinkIsForStaffOnly) {
  const std::string order = NewOrder(owner_.token, basic_);
  for (const auto* user : {&owner_, &provider_owner_, &support_}) {
    SCOPED_TRACE(user->username);
    const auto refused = Act(order, "unlink", user->token);
    EXPECT_EQ(refused.status, 403) << refused.text;
    EXPECT_EQ(refused.body, json({{"detail", kNoPermission}}));
  }
  EXPECT_EQ(Act(order, "unlink", stranger_.token).status, 404);
  const auto unlinked = Act(order, "unlink", staff_token());
  EXPECT_EQ(unlinked.status, 204) << unlinked.text;
  EXPECT_EQ(api().Get("/api/marketplace-orders/" + order + "/", staff_token()).status, 404);
  // The event log keeps the unlinking.
  EXPECT_EQ(CountEvents(Events(order), "marketplace_order_unlinked"), 1);
}

}  // namespace
}  // namespace orderly::testing
