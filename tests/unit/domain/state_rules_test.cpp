// What each order and resource state means is one table (state_rules.cpp); the service asks it
// instead of comparing states.
#include "domain/state_rules.hpp"

#include <gtest/gtest.h>

#include "domain/lifecycle.hpp"

namespace orderly::domain {
namespace {

using OS = OrderState;
using RS = ResourceState;

TEST(StateRulesTest, EveryStateHasItsOwnRow) {
  ASSERT_EQ(OrderStateRules().size(), OrderStates().size());
  for (const auto& entry : OrderStates()) EXPECT_EQ(RuleOf(entry.value).state, entry.value);
  ASSERT_EQ(ResourceStateRules().size(), ResourceStates().size());
  for (const auto& entry : ResourceStates()) EXPECT_EQ(RuleOf(entry.value).state, entry.value);
}

// domain.md §1.2.
TEST(StateRulesTest, DoneErredCanceledAndRejectedEndAnOrder) {
  const std::vector<OS> open{OS::kPendingConsumer, OS::kPendingProvider, OS::kPendingProject,
                             OS::kPendingStartDate, OS::kExecuting};
  EXPECT_EQ(OpenOrderStates(), open);
  for (OS state : {OS::kDone, OS::kErred, OS::kCanceled, OS::kRejected}) {
    EXPECT_TRUE(IsTerminal(state)) << NameOf(state);
    EXPECT_FALSE(BlocksNewOrder(state)) << NameOf(state);
  }
}

// domain.md §2.1: complete(), cancel(), reject() and fail() stamp completed_at;
// set_state_erred() does not.
TEST(StateRulesTest, CompletionIsStampedByDoneCanceledRejectedAndByFailOnly) {
  for (OS state : {OS::kDone, OS::kCanceled, OS::kRejected}) {
    EXPECT_TRUE(StampsCompletion(state, MoveKind::kPlain)) << NameOf(state);
  }
  EXPECT_FALSE(StampsCompletion(OS::kErred, MoveKind::kPlain));
  EXPECT_TRUE(StampsCompletion(OS::kErred, MoveKind::kFail));
  for (OS state : OpenOrderStates()) {
    EXPECT_FALSE(StampsCompletion(state, MoveKind::kPlain)) << NameOf(state);
    EXPECT_FALSE(StampsCompletion(state, MoveKind::kFail)) << NameOf(state);
  }
}

TEST(StateRulesTest, OnlyExecutingOrdersAreProcessedAndOnlyErredOnesRecordTheError) {
  EXPECT_EQ(ProcessingState(), OS::kExecuting);
  for (const auto& entry : OrderStates()) {
    EXPECT_EQ(JobMayRun(entry.value), entry.value == OS::kExecuting) << NameOf(entry.value);
    EXPECT_EQ(RecordsError(entry.value), entry.value == OS::kErred) << NameOf(entry.value);
  }
}

TEST(StateRulesTest, ResourcesWaitingForAnOrderAreTransitionalAndOnlyTerminatedOnesFreeTheirPlan) {
  EXPECT_EQ(TransitionalResourceStates(),
            (std::vector<RS>{RS::kCreating, RS::kUpdating, RS::kTerminating}));
  EXPECT_TRUE(IsTransitional(RS::kUpdating));
  EXPECT_FALSE(IsTransitional(RS::kOk));
  EXPECT_EQ(ResourceStatesCountingOnPlan(),
            (std::vector<RS>{RS::kCreating, RS::kOk, RS::kErred, RS::kUpdating, RS::kTerminating}));
}

}  // namespace
}  // namespace orderly::domain
