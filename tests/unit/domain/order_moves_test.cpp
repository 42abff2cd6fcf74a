// One definition of a legal order move: the union of the action table, the periodic moves and the
// processing ends. Workflow::MoveOrder and the reliability tests' replay both ask it.
#include "domain/order_moves.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/periodic_moves.hpp"
#include "domain/processing_ends.hpp"
#include "domain/remote_states.hpp"
#include "domain/state_rules.hpp"
#include "domain/support_issue.hpp"

namespace orderly::domain {
namespace {

using OS = OrderState;
using RS = ResourceState;

TEST(OrderMovesTest, EveryActionMovesFromEveryStateItAcceptsToEveryStateItLeadsTo) {
  for (const auto& transition : OrderTransitions()) {
    for (const auto& entry : OrderStates()) {
      if (!Allows(transition.from, entry.value)) continue;
      for (OS to : StatesAfter(transition.action)) {
        EXPECT_TRUE(IsLegalOrderMove(entry.value, to))
            << NameOf(transition.action) << ": " << NameOf(entry.value) << " -> " << NameOf(to);
      }
    }
  }
}

TEST(OrderMovesTest, ApprovalsLeadWhereRoutingMaySendThem) {
  EXPECT_EQ(StatesAfter(OrderAction::kApproveByConsumer),
            (std::vector<OS>{OS::kPendingProvider, OS::kPendingProject, OS::kPendingStartDate,
                             OS::kExecuting}));
  EXPECT_EQ(StatesAfter(OrderAction::kApproveByProvider),
            (std::vector<OS>{OS::kPendingStartDate, OS::kExecuting}));
  EXPECT_EQ(StatesAfter(OrderAction::kCancel), std::vector<OS>{OS::kCanceled});
  EXPECT_TRUE(StatesAfter(OrderAction::kUnlink).empty());
}

TEST(OrderMovesTest, EveryPeriodicMoveAndEveryProcessingEndIsLegal) {
  for (const auto& move : PeriodicMoves()) {
    for (OS to : PossibleDestinations(move)) {
      EXPECT_TRUE(IsLegalOrderMove(move.from, to)) << move.name << " -> " << NameOf(to);
    }
  }
  for (const auto& end : ProcessingEndRules()) {
    EXPECT_TRUE(IsLegalOrderMove(ProcessingState(), end.to)) << end.name;
  }
}

TEST(OrderMovesTest, MovesNoTableListsAreRefused) {
  EXPECT_FALSE(IsLegalOrderMove(OS::kPendingConsumer, OS::kDone));
  EXPECT_FALSE(IsLegalOrderMove(OS::kExecuting, OS::kPendingConsumer));
  EXPECT_FALSE(IsLegalOrderMove(OS::kExecuting, OS::kRejected));
  EXPECT_FALSE(IsLegalOrderMove(OS::kDone, OS::kExecuting));
  EXPECT_FALSE(IsLegalOrderMove(OS::kCanceled, OS::kDone));
  EXPECT_FALSE(IsLegalOrderMove(OS::kRejected, OS::kExecuting));
  EXPECT_FALSE(IsLegalOrderMove(OS::kPendingStartDate, OS::kPendingProvider));
  EXPECT_FALSE(IsLegalOrderMove(OS::kExecuting, OS::kExecuting));
  for (const auto& entry : OrderStates()) {
    EXPECT_FALSE(IsLegalOrderMove(entry.value, OS::kPendingConsumer)) << NameOf(entry.value);
  }
}

TEST(OrderMovesTest, TheListIsSortedWithoutRepeats) {
  const auto moves = LegalOrderMoves();
  EXPECT_TRUE(std::is_sorted(moves.begin(), moves.end()));
  EXPECT_EQ(std::adjacent_find(moves.begin(), moves.end()), moves.end());
}

TEST(ProcessingEndsTest, EveryEndHasItsOwnRowAndLeavesExecutingForAnEnd) {
  for (auto end :
       {ProcessingEnd::kProcessed, ProcessingEnd::kProcessorFailed, ProcessingEnd::kFailedAtBackend,
        ProcessingEnd::kCanceledByBackend, ProcessingEnd::kIssueResolved,
        ProcessingEnd::kIssueCanceled, ProcessingEnd::kIssueCanceledChange}) {
    EXPECT_EQ(RuleOf(end).end, end);
    EXPECT_TRUE(IsTerminal(RuleOf(end).to)) << RuleOf(end).name;
  }
  EXPECT_EQ(ProcessingEndRules().size(), 7u);
}

// processing.md §9.4: a pull reports done, erred or canceled; pending and executing remote orders
// keep the local order executing.
TEST(ProcessingEndsTest, APullEndsTheOrderOnlyWhenTheRemoteOrderEnded) {
  EXPECT_EQ(PulledEnd(*LocalStateForRemote("done")), ProcessingEnd::kProcessed);
  EXPECT_EQ(PulledEnd(*LocalStateForRemote("erred")), ProcessingEnd::kFailedAtBackend);
  EXPECT_EQ(PulledEnd(*LocalStateForRemote("rejected")), ProcessingEnd::kCanceledByBackend);
  EXPECT_EQ(PulledEnd(*LocalStateForRemote("pending-provider")), std::nullopt);
  EXPECT_EQ(PulledEnd(*LocalStateForRemote("executing")), std::nullopt);
}

TEST(ProcessingEndsTest, APullIsQueuedOnlyForAnExecutingFollowedOrderTheBackendNamed) {
  Order order;
  order.state = OS::kExecuting;
  order.backend_id = "remote-order";
  EXPECT_TRUE(MayPull(order, OfferingType::kRemote));
  EXPECT_FALSE(MayPull(order, OfferingType::kScript));
  order.state = OS::kDone;
  EXPECT_FALSE(MayPull(order, OfferingType::kRemote));
  order.state = OS::kExecuting;
  order.backend_id.clear();
  EXPECT_FALSE(MayPull(order, OfferingType::kRemote));
}

// processing.md §9.2.
TEST(ProcessingEndsTest, AClosedHelpdeskIssueEndsItsOrder) {
  EXPECT_EQ(ProcessingEndAfterIssue(IssueStatus::kResolved, OrderType::kUpdate),
            ProcessingEnd::kIssueResolved);
  EXPECT_EQ(RuleOf(ProcessingEnd::kIssueResolved).to, OS::kDone);
  EXPECT_EQ(ProcessingEndAfterIssue(IssueStatus::kCanceled, OrderType::kCreate),
            ProcessingEnd::kIssueCanceled);
  EXPECT_EQ(RuleOf(ProcessingEnd::kIssueCanceled).to, OS::kCanceled);
  EXPECT_EQ(ProcessingEndAfterIssue(IssueStatus::kCanceled, OrderType::kTerminate),
            ProcessingEnd::kIssueCanceledChange);
  EXPECT_EQ(RuleOf(ProcessingEnd::kIssueCanceledChange).to, OS::kErred);
  EXPECT_EQ(ProcessingEndAfterIssue(IssueStatus::kInProgress, OrderType::kCreate), std::nullopt);
}

TEST(ResourceMovesTest, RepairsMoveOnlyAsTheResourceTableSays) {
  for (const auto& transition : ResourceTransitions()) {
    if (!transition.to) continue;
    for (RS from : transition.from) {
      EXPECT_TRUE(IsLegalResourceMove(from, *transition.to))
          << NameOf(transition.action) << ": " << NameOf(from);
    }
  }
  EXPECT_FALSE(IsLegalResourceMove(RS::kTerminated, RS::kOk));
  EXPECT_FALSE(IsLegalResourceMove(RS::kTerminated, RS::kErred));
  EXPECT_FALSE(IsLegalResourceMove(RS::kOk, RS::kCreating));
  EXPECT_FALSE(IsLegalResourceMove(RS::kErred, RS::kTerminated));
}

// Clarification 6.
TEST(ResourceMovesTest, SetAsOkOnAnOkResourceChangesNothing) {
  EXPECT_TRUE(IsNoOp(ResourceAction::kSetAsOk, RS::kOk));
  EXPECT_FALSE(IsNoOp(ResourceAction::kSetAsOk, RS::kErred));
  EXPECT_FALSE(IsNoOp(ResourceAction::kSetAsErred, RS::kErred));
  EXPECT_FALSE(IsNoOp(ResourceAction::kSetStateOk, RS::kOk));
}

}  // namespace
}  // namespace orderly::domain
