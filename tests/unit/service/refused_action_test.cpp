// An order action the rules refuse is refused before it queues for the write lock (issue 8,
// contention): while another transaction holds the lock, a 409 still comes back at once.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <stdexcept>
#include <thread>

#include "domain/error.hpp"
#include "service/orders/order_actions.hpp"
#include "service/system_clock.hpp"
#include "store/store.hpp"

namespace orderly::service {
namespace {

class RefusedActionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "orderly-refused-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    store_ = store::Store::Open("sqlite:" + (directory_ / "test.db").string(), 4);
    store_->Write([&](store::Transaction& tx) {
      domain::Customer customer{.uuid = std::string(32, 'c'), .name = "org", .created = "x"};
      tx.Customers().Insert(customer);
      domain::Project project{
          .uuid = std::string(32, 'e'), .customer_id = customer.id, .name = "p", .created = "x"};
      tx.Projects().Insert(project);
      domain::Offering offering{.uuid = std::string(32, 'f'),
                                .name = "o",
                                .customer_id = customer.id,
                                .type = domain::OfferingType::kBasic,
                                .created = "x"};
      tx.Offerings().Insert(offering);
      domain::Resource resource{.uuid = std::string(32, '7'),
                                .project_id = project.id,
                                .offering_id = offering.id,
                                .created = "x",
                                .modified = "x"};
      tx.Resources().Insert(resource);
      domain::Order order{.uuid = std::string(32, '8'),
                          .state = domain::OrderState::kDone,
                          .project_id = project.id,
                          .resource_id = resource.id,
                          .offering_id = offering.id,
                          .created = "x",
                          .modified = "x"};
      tx.Orders().Insert(order);
    });
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  std::filesystem::path directory_;
  std::unique_ptr<store::Store> store_;
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
    SetOrderDone(context, staff, std::string(32, '8'));
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
