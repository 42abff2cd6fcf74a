// An order action the rules refuse is refused before it queues for the write lock (issue 8,
// contention): while another transaction holds the lock, a 409 still comes back at once.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

#include "domain/error.hpp"
#include "seeded_store.hpp"
#include "service/orders/order_actions.hpp"
#include "service/system_clock.hpp"

namespace orderly::service {
namespace {

class RefusedActionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_->Write([&](store::Transaction& tx) {
      order_ = testing::SeedOrder(tx, domain::OfferingType::kBasic, domain::OrderState::kDone);
    });
  }

  testing::TemporaryStore store_;
  domain::Order order_;
  SystemClock clock_;
};

TEST_F(RefusedActionTest, AConflictIsAnsweredWhileAnotherTransactionHoldsTheWriteLock) {
  Context context{.store = *store_, .clock = clock_};
  const domain::Actor staff{.user_id = 1, .username = "staff", .is_staff = true};
  std::promise<void> holding;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> writer_finished = false;
  std::thread writer([&] {
    store_->Write([&](store::Transaction&) {
      holding.set_value();
      // Bounded, so that without the early check the test fails instead of hanging.
      released.wait_for(std::chrono::seconds(60));
    });
    writer_finished = true;
  });
  holding.get_future().wait();

  ErrorCode refusal = ErrorCode::kInternal;
  try {
    SetOrderDone(context, staff, order_.uuid);
  } catch (const Error& error) {
    refusal = error.code();
  } catch (const std::exception&) {
    // Queued behind the writer, the action fails on the lock's timeout: not a refusal.
  }
  const bool answered_while_held = !writer_finished;
  release.set_value();
  writer.join();

  EXPECT_EQ(refusal, ErrorCode::kStateConflict);
  EXPECT_TRUE(answered_while_held) << "the 409 waited for the write lock";
}

}  // namespace
}  // namespace orderly::service
