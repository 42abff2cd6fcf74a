// Idle workers are woken by a job queued in this process (issue 8), but only once the queuing
// transaction has committed: woken earlier, a worker finds nothing and sleeps its whole poll.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>

#include "processing/registry.hpp"
#include "store/store.hpp"

namespace orderly::processing {
namespace {

class RegistryWakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "orderly-wake-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    store_ = store::Store::Open("sqlite:" + (directory_ / "test.db").string(), 2);
    store_->Write([&](store::Transaction& tx) {
      domain::Customer customer{.uuid = std::string(32, 'c'), .name = "org", .created = "x"};
      tx.Customers().Insert(customer);
      domain::Project project{
          .uuid = std::string(32, 'e'), .customer_id = customer.id, .name = "p", .created = "x"};
      tx.Projects().Insert(project);
      domain::Offering offering{.uuid = std::string(32, 'f'),
                                .name = "o",
                                .customer_id = customer.id,
                                .type = domain::OfferingType::kScript,
                                .created = "x"};
      tx.Offerings().Insert(offering);
      domain::Resource resource{.uuid = std::string(32, '7'),
                                .project_id = project.id,
                                .offering_id = offering.id,
                                .created = "x",
                                .modified = "x"};
      tx.Resources().Insert(resource);
      order_ = domain::Order{.uuid = std::string(32, '8'),
                             .state = domain::OrderState::kExecuting,
                             .project_id = project.id,
                             .resource_id = resource.id,
                             .offering_id = offering.id,
                             .created = "x",
                             .modified = "x"};
      tx.Orders().Insert(order_);
    });
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  std::filesystem::path directory_;
  std::unique_ptr<store::Store> store_;
  domain::Order order_;
  Registry registry_{
      RegistryOptions{.script_runs_directory = (std::filesystem::temp_directory_path()).string()}};
};

TEST_F(RegistryWakeTest, WorkersHearOfAJobOnlyOnceItsTransactionCommitted) {
  const auto before = registry_.WorkQueued();
  store_->Write([&](store::Transaction& tx) {
    registry_.OrderExecuting(tx, order_, domain::OfferingType::kScript);
    EXPECT_EQ(registry_.WorkQueued(), before);  // not yet claimable
  });
  EXPECT_EQ(registry_.WorkQueued(), before + 1);
  // A worker that looked before the commit does not sleep through it.
  registry_.WaitForWork(before, std::chrono::hours(1));
}

TEST_F(RegistryWakeTest, ARolledBackJobWakesNobody) {
  const auto before = registry_.WorkQueued();
  EXPECT_THROW(store_->Write([&](store::Transaction& tx) {
    registry_.OrderExecuting(tx, order_, domain::OfferingType::kScript);
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  EXPECT_EQ(registry_.WorkQueued(), before);
}

TEST_F(RegistryWakeTest, AManualTypeQueuesNothing) {
  const auto before = registry_.WorkQueued();
  store_->Write([&](store::Transaction& tx) {
    registry_.OrderExecuting(tx, order_, domain::OfferingType::kBasic);
  });
  EXPECT_EQ(registry_.WorkQueued(), before);
}

}  // namespace
}  // namespace orderly::processing
