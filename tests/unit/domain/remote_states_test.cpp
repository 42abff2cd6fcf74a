#include "domain/remote_states.hpp"

#include <gtest/gtest.h>

#include "domain/capabilities.hpp"

namespace orderly::domain {
namespace {

// processing.md §9.4, LOGICAL_LOCAL_ORDER_STATES_MAP, restated.
TEST(RemoteStatesTest, PendingAndExecutingRemoteOrdersKeepTheLocalOrderExecuting) {
  EXPECT_EQ(LocalStateForRemote("pending-consumer"), OrderState::kExecuting);
  EXPECT_EQ(LocalStateForRemote("pending-provider"), OrderState::kExecuting);
  EXPECT_EQ(LocalStateForRemote("executing"), OrderState::kExecuting);
}

TEST(RemoteStatesTest, OutcomesMapToTheLocalOutcome) {
  EXPECT_EQ(LocalStateForRemote("done"), OrderState::kDone);
  EXPECT_EQ(LocalStateForRemote("erred"), OrderState::kErred);
  EXPECT_EQ(LocalStateForRemote("canceled"), OrderState::kCanceled);
}

TEST(RemoteStatesTest, ARemoteRejectionCancelsTheLocalOrder) {
  EXPECT_EQ(LocalStateForRemote("rejected"), OrderState::kCanceled);
}

TEST(RemoteStatesTest, PendingProjectAndUnknownStatesHaveNoMapping) {
  EXPECT_EQ(LocalStateForRemote("pending-project"), std::nullopt);
  EXPECT_EQ(LocalStateForRemote("pending-start-date"), std::nullopt);
  EXPECT_EQ(LocalStateForRemote("Executing"), std::nullopt);
  EXPECT_EQ(LocalStateForRemote(""), std::nullopt);
  EXPECT_EQ(LocalStateForRemote("2"), std::nullopt);
}

TEST(RemoteStatesTest, OnlyRemoteOfferingsAreFollowedAndTheyTimeOut) {
  for (const auto& capability : OfferingCapabilities()) {
    EXPECT_EQ(FollowsBackend(capability.type), capability.type == OfferingType::kRemote)
        << NameOf(capability.type);
  }
  EXPECT_TRUE(ExecutionTimesOut(OfferingType::kRemote));
}

}  // namespace
}  // namespace orderly::domain
