// Idle workers are woken by every job queued in this process (issue 8), whoever queues it: the
// registry when an order starts executing, the pull callback, the periodic pulls. The job
// repository announces each insert, and only once the inserting transaction has committed:
// woken earlier, a worker finds nothing and sleeps its whole poll.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <thread>

#include "processing/registry.hpp"
#include "processing/worker_pool.hpp"
#include "seeded_store.hpp"
#include "service/orders/job_processing.hpp"
#include "service/system_clock.hpp"
#include "store/store.hpp"

namespace orderly::processing {
namespace {

class JobWakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_->Write([&](store::Transaction& tx) {
      script_order_ = testing::SeedOrder(tx, domain::OfferingType::kScript,
                                         domain::OrderState::kExecuting, '1');
      // A Remote order its backend took (backend id known): what pulls follow. Its offering has
      // no secret_options, so a pull that runs errs the order at once.
      remote_order_ = testing::SeedOrder(tx, domain::OfferingType::kRemote,
                                         domain::OrderState::kExecuting, '2');
      remote_order_.backend_id = "remote-order";
      tx.Orders().Update(remote_order_);
    });
  }

  store::JobSignal& signal() { return store_->QueuedJobs(); }
  std::string OrderState(const domain::Order& order) {
    return store_->Read([&](store::Transaction& tx) {
      return std::string(domain::NameOf(tx.Orders().FindById(order.id)->order.state));
    });
  }

  testing::TemporaryStore store_;
  domain::Order script_order_, remote_order_;
  service::SystemClock clock_;
  Registry registry_{
      RegistryOptions{.script_runs_directory = (std::filesystem::temp_directory_path()).string()}};
};

TEST_F(JobWakeTest, WorkersHearOfAJobOnlyOnceItsTransactionCommitted) {
  const auto before = signal().Announced();
  store_->Write([&](store::Transaction& tx) {
    registry_.OrderExecuting(tx, script_order_, domain::OfferingType::kScript);
    EXPECT_EQ(signal().Announced(), before);  // not yet claimable
  });
  ASSERT_EQ(signal().Announced(), before + 1);
  // A worker that looked before the commit does not sleep through it.
  signal().WaitPast(before, std::chrono::hours(1));
}

TEST_F(JobWakeTest, ARolledBackJobWakesNobody) {
  const auto before = signal().Announced();
  EXPECT_THROW(store_->Write([&](store::Transaction& tx) {
    registry_.OrderExecuting(tx, script_order_, domain::OfferingType::kScript);
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  EXPECT_EQ(signal().Announced(), before);
}

TEST_F(JobWakeTest, AManualTypeQueuesNothing) {
  const auto before = signal().Announced();
  store_->Write([&](store::Transaction& tx) {
    registry_.OrderExecuting(tx, script_order_, domain::OfferingType::kBasic);
  });
  EXPECT_EQ(signal().Announced(), before);
}

TEST_F(JobWakeTest, APullTheCallbackQueuesWakesWorkersOnceCommitted) {
  service::Context context{.store = *store_, .clock = clock_, .execution = &registry_};
  const auto before = signal().Announced();
  service::RequestOrderPull(context, remote_order_.uuid);
  ASSERT_EQ(signal().Announced(), before + 1);
  signal().WaitPast(before, std::chrono::hours(1));
  // A pull already waiting is not queued twice, and nothing new wakes anyone.
  service::RequestOrderPull(context, remote_order_.uuid);
  EXPECT_EQ(signal().Announced(), before + 1);
}

TEST_F(JobWakeTest, APeriodicPullWakesWorkersOnceCommitted) {
  service::Context context{.store = *store_, .clock = clock_, .execution = &registry_};
  const auto before = signal().Announced();
  ASSERT_EQ(service::QueuePeriodicPulls(context), 1);
  ASSERT_EQ(signal().Announced(), before + 1);
  signal().WaitPast(before, std::chrono::hours(1));
}

// End to end: a worker whose idle poll is an hour runs a pull queued while it sleeps. Without the
// wake-up this test would wait out the poll (and fail at its bound, far below an hour).
TEST_F(JobWakeTest, AnIdleWorkerRunsAPullQueuedWhileItSleeps) {
  service::Context context{.store = *store_, .clock = clock_, .execution = &registry_};
  WorkerPool pool(context, registry_,
                  {.workers = 1, .lease_seconds = 15, .idle_poll = std::chrono::hours(1)});
  // The worker has looked, found nothing, and sleeps.
  while (signal().Waiters() == 0) std::this_thread::yield();
  service::RequestOrderPull(context, remote_order_.uuid);
  // The pull runs at once: without secret_options it errs the order. Bounded only so that a
  // regression fails instead of hanging the run.
  for (int i = 0; i < 6000 && OrderState(remote_order_) == "executing"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(OrderState(remote_order_), "erred");
}

}  // namespace
}  // namespace orderly::processing
