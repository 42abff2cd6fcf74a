// The history checks of the crash test catch what they are there to catch: a log that skips a
// state, makes a move the domain forbids, or ends elsewhere than the order or resource.
#include "history_rules.hpp"

#include <gtest/gtest.h>

namespace orderly::testing {
namespace {

using nlohmann::json;

json Move(const std::string& from, const std::string& to,
          const std::string& type = "marketplace_order_state_changed") {
  return {{"event_type", type}, {"context", {{"from_state", from}, {"to_state", to}}}};
}

json Created() {
  return {{"event_type", "marketplace_order_created"},
          {"context", {{"to_state", "pending-consumer"}}}};
}

TEST(HistoryRulesTest, AnOrderLogThatFollowsTheDomainReplaysToTheOrderState) {
  const json log = {Created(), Move("pending-consumer", "pending-provider"),
                    Move("pending-provider", "executing"), Move("executing", "done")};
  EXPECT_EQ(ReplayOrderLog(log, "done"), "");
}

// The periodic jobs' moves (domain::PeriodicMoves) replay like the actions: an order approved to
// wait for its start date, released on it, then done.
TEST(HistoryRulesTest, AStartDateReleaseReplays) {
  const json log = {Created(), Move("pending-consumer", "pending-start-date"),
                    Move("pending-start-date", "executing"), Move("executing", "done")};
  EXPECT_EQ(ReplayOrderLog(log, "done"), "");
}

TEST(HistoryRulesTest, AProjectReleaseThenAStartDateReleaseThenATimeOutReplay) {
  const json log = {Created(), Move("pending-consumer", "pending-project"),
                    Move("pending-project", "pending-start-date"),
                    Move("pending-start-date", "executing", "marketplace_order_approved"),
                    Move("executing", "erred", "marketplace_order_failed")};
  EXPECT_EQ(ReplayOrderLog(log, "erred"), "");
}

TEST(HistoryRulesTest, AReleaseIsNoShortcutFromPendingStartDateToDone) {
  const json log = {Created(), Move("pending-consumer", "pending-start-date"),
                    Move("pending-start-date", "done")};
  EXPECT_NE(ReplayOrderLog(log, "done"), "");
}

TEST(HistoryRulesTest, AnOrderLogThatEndsElsewhereIsReported) {
  const json log = {Created(), Move("pending-consumer", "executing")};
  EXPECT_NE(ReplayOrderLog(log, "done"), "");
}

TEST(HistoryRulesTest, AMoveTheDomainForbidsIsReported) {
  const json log = {Created(), Move("pending-consumer", "done")};
  EXPECT_NE(ReplayOrderLog(log, "done"), "");
}

TEST(HistoryRulesTest, ALogThatSkipsAStateIsReported) {
  const json log = {Created(), Move("pending-provider", "executing")};
  EXPECT_NE(ReplayOrderLog(log, "executing"), "");
}

TEST(HistoryRulesTest, ALogWithoutItsCreationIsReported) {
  EXPECT_NE(ReplayOrderLog(json::array({Move("pending-consumer", "executing")}), "executing"), "");
}

TEST(HistoryRulesTest, ApprovalsLeadWhereRoutingMaySendThem) {
  const auto after = StatesAfter(domain::OrderAction::kApproveByConsumer);
  EXPECT_TRUE(after.contains(domain::OrderState::kPendingProvider));
  EXPECT_TRUE(after.contains(domain::OrderState::kExecuting));
  EXPECT_FALSE(after.contains(domain::OrderState::kPendingConsumer));
}

TEST(HistoryRulesTest, NothingLeadsBackToPendingConsumer) {
  EXPECT_FALSE(ReachableFrom({domain::OrderState::kExecuting})
                   .contains(domain::OrderState::kPendingConsumer));
  EXPECT_TRUE(
      ReachableFrom({domain::OrderState::kPendingProvider}).contains(domain::OrderState::kDone));
}

TEST(HistoryRulesTest, AResourceMoveAnOrderCausedMustBeTheDomainsAnswer) {
  const std::map<std::string, json> orders{
      {"o1", {{"type", "Create"}, {"attributes", json::object()}}}};
  json canceled = Move("Creating", "Terminated", "marketplace_resource_create_canceled");
  canceled["context"]["order_uuid"] = "o1";
  EXPECT_EQ(ReplayResourceLog(json::array({canceled}), {{"state", "Terminated"}}, orders), "");
  json wrong = Move("Creating", "OK", "marketplace_resource_create_canceled");
  wrong["context"]["order_uuid"] = "o1";
  EXPECT_NE(ReplayResourceLog(json::array({wrong}), {{"state", "OK"}}, orders), "");
  json stranger = canceled;
  stranger["context"]["order_uuid"] = "another";
  EXPECT_NE(ReplayResourceLog(json::array({stranger}), {{"state", "Terminated"}}, orders), "");
}

TEST(HistoryRulesTest, AResourceLogThatEndsElsewhereIsReported) {
  EXPECT_NE(
      ReplayResourceLog(json::array({Move("OK", "Erred", "marketplace_resource_state_changed")}),
                        {{"state", "OK"}}, {}),
      "");
}

// A move no order caused is a repair, and only the resource action table's repairs are legal.
TEST(HistoryRulesTest, ARepairNoResourceActionAllowsIsReported) {
  EXPECT_EQ(ReplayResourceLog(json::array({Move("Erred", "OK", "resource_state_set")}),
                              {{"state", "OK"}}, {}),
            "");
  EXPECT_NE(ReplayResourceLog(json::array({Move("Terminated", "OK", "resource_state_set")}),
                              {{"state", "OK"}}, {}),
            "");
}

// The replay and Workflow::MoveOrder share domain::IsLegalOrderMove: processing ends are legal.
TEST(HistoryRulesTest, ProcessingEndsReplay) {
  const json log = {Created(), Move("pending-consumer", "executing"),
                    Move("executing", "canceled")};
  EXPECT_EQ(ReplayOrderLog(log, "canceled"), "");
}

}  // namespace
}  // namespace orderly::testing
