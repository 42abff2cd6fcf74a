// Workflow::MoveOrder and MoveResource refuse a move no domain table allows: such a move is our
// bug, never the user's, so it is an internal error and the transaction writes nothing.
#include <gtest/gtest.h>

#include <set>

#include "domain/error.hpp"
#include "domain/order_moves.hpp"
#include "seeded_store.hpp"
#include "service/orders/workflow.hpp"

namespace orderly::service {
namespace {

using OS = domain::OrderState;
using RS = domain::ResourceState;

class FixedClock final : public domain::Clock {
 public:
  std::string Now() const override { return "2026-03-10T12:00:00.000000Z"; }
};

// The moves the domain allows (order_moves_test checks them against each table), as pairs.
std::set<std::pair<OS, OS>> LegalMoves() {
  std::set<std::pair<OS, OS>> moves;
  for (const auto& move : domain::LegalOrderMoves()) moves.insert({move.from, move.to});
  return moves;
}

class WorkflowGuardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = std::make_unique<Context>(Context{.store = *store_, .clock = clock_});
    store_->Write([&](store::Transaction& tx) {
      const auto order =
          testing::SeedOrder(tx, domain::OfferingType::kBasic, domain::Order{}.state);
      order_ = order.id;
      resource_ = order.resource_id;
    });
  }
  void TearDown() override { context_.reset(); }

  // Puts the order into `from`, then asks the workflow to move it to `to`; returns the error code
  // it threw, if any.
  std::optional<ErrorCode> MoveOrder(OS from, OS to) {
    store_->Write([&](store::Transaction& tx) {
      auto order = tx.Orders().FindById(order_)->order;
      order.state = from;
      tx.Orders().Update(order);
    });
    try {
      store_->Write([&](store::Transaction& tx) {
        Workflow workflow(*context_, tx, nullptr);
        auto order = tx.Orders().FindById(order_)->order;
        workflow.MoveOrder(order, to, domain::OfferingType::kBasic);
      });
    } catch (const Error& error) {
      return error.code();
    }
    return std::nullopt;
  }

  OS StoredOrderState() {
    return store_->Read(
        [&](store::Transaction& tx) { return tx.Orders().FindById(order_)->order.state; });
  }

  std::optional<ErrorCode> MoveResource(RS from, RS to) {
    store_->Write([&](store::Transaction& tx) {
      auto resource = tx.Resources().FindById(resource_, {})->resource;
      resource.state = from;
      tx.Resources().Update(resource);
    });
    try {
      store_->Write([&](store::Transaction& tx) {
        Workflow workflow(*context_, tx, nullptr);
        auto resource = tx.Resources().FindById(resource_, {})->resource;
        workflow.MoveResource(resource, to, "resource_state_set", "test");
      });
    } catch (const Error& error) {
      return error.code();
    }
    return std::nullopt;
  }

  testing::TemporaryStore store_{1};
  FixedClock clock_;
  std::unique_ptr<Context> context_;
  domain::Id order_ = 0;
  domain::Id resource_ = 0;
};

TEST_F(WorkflowGuardTest, EveryMoveTheTablesListIsMade) {
  const auto listed = LegalMoves();
  ASSERT_FALSE(listed.empty());
  for (const auto& [from, to] : listed) {
    EXPECT_EQ(MoveOrder(from, to), std::nullopt)
        << domain::NameOf(from) << " -> " << domain::NameOf(to);
    EXPECT_EQ(StoredOrderState(), to);
  }
}

TEST_F(WorkflowGuardTest, AMoveNoTableListsIsAnInternalErrorAndWritesNothing) {
  const auto listed = LegalMoves();
  int refused = 0;
  for (const auto& from : domain::OrderStates()) {
    for (const auto& to : domain::OrderStates()) {
      if (listed.contains({from.value, to.value})) continue;
      EXPECT_EQ(MoveOrder(from.value, to.value), ErrorCode::kInternal)
          << from.name << " -> " << to.name;
      EXPECT_EQ(StoredOrderState(), from.value);
      ++refused;
    }
  }
  EXPECT_GT(refused, 40);
}

TEST_F(WorkflowGuardTest, AResourceMovesDirectlyOnlyAsARepairAllows) {
  EXPECT_EQ(MoveResource(RS::kErred, RS::kOk), std::nullopt);
  EXPECT_EQ(MoveResource(RS::kOk, RS::kErred), std::nullopt);
  EXPECT_EQ(MoveResource(RS::kTerminated, RS::kOk), ErrorCode::kInternal);
  EXPECT_EQ(MoveResource(RS::kOk, RS::kCreating), ErrorCode::kInternal);
  const auto state = store_->Read([&](store::Transaction& tx) {
    return tx.Resources().FindById(resource_, {})->resource.state;
  });
  EXPECT_EQ(state, RS::kOk);
}

}  // namespace
}  // namespace orderly::service
