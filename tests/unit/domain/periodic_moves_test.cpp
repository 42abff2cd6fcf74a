// The moves the periodic jobs make (domain.md §3.7, processing.md §10) are decided by the domain's
// table: from which state, under which condition, to where.
#include "domain/periodic_moves.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace orderly::domain {
namespace {

using OS = OrderState;

constexpr const char* kToday = "2026-03-10";
constexpr const char* kNow = "2026-03-10T12:00:00.000000Z";

PeriodicFacts FactsIn(OS state) {
  return PeriodicFacts{.state = state,
                       .type = OfferingType::kScript,
                       .last_change = kNow,
                       .today = kToday,
                       .now = kNow,
                       .execution_timeout_seconds = 3600};
}

const PeriodicMove& Move(PeriodicMoveKind kind) { return PeriodicMoveOf(kind); }

TEST(PeriodicMovesTest, EveryKindHasItsOwnMove) {
  for (auto kind : {PeriodicMoveKind::kReleaseStartedProject, PeriodicMoveKind::kReleaseAtStartDate,
                    PeriodicMoveKind::kTimeOutExecution}) {
    EXPECT_EQ(PeriodicMoveOf(kind).kind, kind);
  }
  EXPECT_EQ(PeriodicMoves().size(), 3u);
}

TEST(PeriodicMovesTest, AStartDateReleaseLeadsFromPendingStartDateToExecuting) {
  const auto& move = Move(PeriodicMoveKind::kReleaseAtStartDate);
  EXPECT_EQ(move.from, OS::kPendingStartDate);
  EXPECT_EQ(PossibleDestinations(move), std::vector<OS>{OS::kExecuting});
  EXPECT_FALSE(move.fails);
  EXPECT_FALSE(move.outcome.has_value());
}

TEST(PeriodicMovesTest, AnOrderIsReleasedOnItsStartDateAndNotBefore) {
  const auto& move = Move(PeriodicMoveKind::kReleaseAtStartDate);
  auto facts = FactsIn(OS::kPendingStartDate);
  facts.order_start_date = "2026-03-11";
  EXPECT_FALSE(IsDue(move, facts));
  facts.order_start_date = kToday;
  EXPECT_TRUE(IsDue(move, facts));
  facts.order_start_date = "2026-03-01";
  EXPECT_TRUE(IsDue(move, facts));
  facts.order_start_date.reset();
  EXPECT_TRUE(IsDue(move, facts));
}

TEST(PeriodicMovesTest, AMoveAppliesOnlyToItsFromState) {
  for (const auto& move : PeriodicMoves()) {
    for (const auto& entry : OrderStates()) {
      auto facts = FactsIn(entry.value);
      facts.last_change = "2026-01-01T00:00:00.000000Z";  // long unchanged
      EXPECT_EQ(IsDue(move, facts), entry.value == move.from) << move.name << " " << entry.name;
    }
  }
}

TEST(PeriodicMovesTest, APendingProjectOrderWaitsForItsProjectAndIsRoutedOn) {
  const auto& move = Move(PeriodicMoveKind::kReleaseStartedProject);
  EXPECT_EQ(move.from, OS::kPendingProject);
  auto facts = FactsIn(OS::kPendingProject);
  facts.project_start_date = "2026-03-11";
  EXPECT_FALSE(IsDue(move, facts));
  facts.project_start_date = kToday;
  EXPECT_TRUE(IsDue(move, facts));
  // The order's own start date does not hold back the project's release: routing sends it on.
  facts.order_start_date = "2026-04-01";
  EXPECT_TRUE(IsDue(move, facts));
  EXPECT_EQ(Destination(move, {.order_starts_later = true}), OS::kPendingStartDate);
  EXPECT_EQ(Destination(move, {.provider_review_needed = true}), OS::kPendingProvider);
  EXPECT_EQ(Destination(move, {}), OS::kExecuting);
  EXPECT_EQ(PossibleDestinations(move),
            (std::vector<OS>{OS::kPendingProvider, OS::kPendingStartDate, OS::kExecuting}));
}

TEST(PeriodicMovesTest, AnAutomatedExecutionTimesOutOnlyAfterTheTimeOut) {
  const auto& move = Move(PeriodicMoveKind::kTimeOutExecution);
  EXPECT_EQ(move.from, OS::kExecuting);
  EXPECT_EQ(PossibleDestinations(move), std::vector<OS>{OS::kErred});
  EXPECT_TRUE(move.fails);
  EXPECT_EQ(move.outcome, OrderOutcome::kProcessorFailed);
  EXPECT_EQ(move.message, "Execution has timed out.");
  auto facts = FactsIn(OS::kExecuting);
  facts.last_change = "2026-03-10T11:00:00.000000Z";  // exactly the time-out ago
  EXPECT_FALSE(IsDue(move, facts));
  facts.last_change = "2026-03-10T10:59:59.000000Z";
  EXPECT_TRUE(IsDue(move, facts));
}

TEST(PeriodicMovesTest, ManualTypesWaitForTheirProviderAsLongAsItTakes) {
  auto facts = FactsIn(OS::kExecuting);
  facts.last_change = "2020-01-01T00:00:00.000000Z";
  facts.type = OfferingType::kBasic;
  EXPECT_FALSE(IsDue(Move(PeriodicMoveKind::kTimeOutExecution), facts));
  facts.type = OfferingType::kSupport;
  EXPECT_FALSE(IsDue(Move(PeriodicMoveKind::kTimeOutExecution), facts));
  facts.type = OfferingType::kRemote;
  EXPECT_TRUE(IsDue(Move(PeriodicMoveKind::kTimeOutExecution), facts));
}

}  // namespace
}  // namespace orderly::domain
