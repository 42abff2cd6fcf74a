// Execution time-out of automated orders and stuck-resource reporting (processing.md §10).
#include "clock_fixture.hpp"
#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

class TimeoutTest : public WithClock<ScenarioTest> {
 protected:
  // No workers: the Script order must sit in executing for the clock to overtake it.
  std::vector<std::string> ExtraServerArgs() const override {
    auto args = WithClock<ScenarioTest>::ExtraServerArgs();
    args.insert(args.end(),
                {"--workers", "0", "--execution-timeout", "600", "--stuck-after", "300"});
    return args;
  }

  json RunJobs() {
    return api().Post("/api/periodic-jobs/run/", json::object(), staff_token()).body;
  }
};

TEST_F(TimeoutTest, AnAutomatedOrderExecutingTooLongFailsWithItsResource) {
  SetNow("2030-01-01T10:00:00.000000Z");
  const auto script = ActiveOffering("Marketplace.Script");
  const auto order = NewOrder(owner_.token, script);
  ASSERT_EQ(Order(order)["state"], "executing");
  const auto basic = ExecutingOrder(basic_);  // manual types wait for their provider however long

  SetNow("2030-01-01T10:09:00.000000Z");
  EXPECT_EQ(RunJobs()["timed_out"], 0);
  EXPECT_EQ(Order(order)["state"], "executing");

  SetNow("2030-01-01T10:11:00.000000Z");
  EXPECT_EQ(RunJobs()["timed_out"], 1);
  const auto failed = Order(order);
  EXPECT_EQ(failed["state"], "erred");
  EXPECT_EQ(failed["error_message"], "Execution has timed out.");
  EXPECT_FALSE(failed["completed_at"].is_null());
  EXPECT_EQ(ResourceStateOf(order), "Erred");
  EXPECT_EQ(Order(basic)["state"], "executing");
}

TEST_F(TimeoutTest, ResourcesInTransitionTooLongAreListedAsStuck) {
  SetNow("2030-01-01T10:00:00.000000Z");
  const auto creating = NewOrder(owner_.token, basic_);  // pending-provider, resource Creating
  const auto ok = OkResource(basic_);
  auto stuck = [&] {
    std::vector<std::string> names;
    for (const auto& resource :
         api().Get("/api/marketplace-resources/?stuck=true", staff_token()).body) {
      names.push_back(resource["uuid"]);
    }
    return names;
  };
  EXPECT_TRUE(stuck().empty());
  SetNow("2030-01-01T10:06:00.000000Z");
  EXPECT_EQ(stuck(), std::vector<std::string>{ResourceUuidOf(creating)});
  EXPECT_EQ(api().Get("/api/marketplace-resources/?stuck=true&state=OK", staff_token()).body.size(),
            0u);
  EXPECT_EQ(api().Get("/api/marketplace-resources/", staff_token()).body.size(), 2u);
  (void)ok;
}

// Issue 4: a stuck resource is flagged in its event log once per stuck episode, not on every run.
TEST_F(TimeoutTest, AStuckResourceIsFlaggedInEventsOncePerEpisode) {
  SetNow("2030-01-01T10:00:00.000000Z");
  const auto order = NewOrder(owner_.token, basic_);  // pending-provider, resource Creating
  const std::string resource = ResourceUuidOf(order);
  auto flags = [&] { return CountEvents(Events(resource), "marketplace_resource_stuck"); };
  RunJobs();
  EXPECT_EQ(flags(), 0);

  SetNow("2030-01-01T10:06:00.000000Z");
  RunJobs();
  RunJobs();
  EXPECT_EQ(flags(), 1);
  const auto events = Events(resource);
  const auto flag = std::find_if(events.begin(), events.end(), [](const json& e) {
    return e["event_type"] == "marketplace_resource_stuck";
  });
  ASSERT_NE(flag, events.end());
  EXPECT_NE((*flag)["message"].get<std::string>().find("Creating"), std::string::npos)
      << flag->dump();
  SetNow("2030-01-01T11:00:00.000000Z");
  RunJobs();
  EXPECT_EQ(flags(), 1);

  // Done, then terminated: Terminating is a new episode, flagged once it lasts too long.
  ASSERT_EQ(Act(order, "approve_by_provider", provider_owner_.token).status, 200);
  ASSERT_EQ(Act(order, "set_state_done", provider_owner_.token).status, 200);
  const auto terminate =
      ActOnResource("marketplace-resources", resource, "terminate", owner_.token);
  ASSERT_EQ(terminate.status, 200) << terminate.text;
  ASSERT_EQ(Resource(resource)["state"], "Terminating");
  SetNow("2030-01-01T11:04:00.000000Z");
  RunJobs();
  EXPECT_EQ(flags(), 1);
  SetNow("2030-01-01T11:06:00.000000Z");
  RunJobs();
  RunJobs();
  EXPECT_EQ(flags(), 2);
}

}  // namespace
}  // namespace orderly::testing
