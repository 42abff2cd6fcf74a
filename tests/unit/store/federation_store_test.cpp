#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "store/store.hpp"

namespace orderly::store {
namespace {

// The store side of federation in a real SQLite file: pull jobs queued once, the callback
// outbox, projects found by backend_id.
class FederationStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "orderly-federation-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    store_ = Store::Open("sqlite:" + (directory_ / "test.db").string(), 1);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  std::filesystem::path directory_;
  std::unique_ptr<Store> store_;
};

TEST_F(FederationStoreTest, APullIsQueuedOnceWhileOneWaits) {
  store_->Write([&](Transaction& tx) {
    auto jobs = tx.Jobs();
    EXPECT_TRUE(jobs.EnqueuePull(7, "order", "2026-01-01T00:00:00Z"));
    EXPECT_FALSE(jobs.EnqueuePull(7, "order", "2026-01-01T00:00:00Z"));
    EXPECT_TRUE(jobs.EnqueuePull(8, "other", "2026-01-01T00:00:00Z"));
    EXPECT_EQ(jobs.CountOpen(7), 1);
    const auto claimed = jobs.Claim("w", "2026-01-01T00:00:01Z", "2026-01-01T00:00:30Z");
    ASSERT_TRUE(claimed);
    EXPECT_EQ(claimed->kind, domain::JobKind::kPull);
    EXPECT_EQ(claimed->order_id, 7);
    // One running does not hold the next back: it may have read the backend before the change.
    EXPECT_TRUE(jobs.EnqueuePull(7, "order", "2026-01-01T00:00:02Z"));
    EXPECT_EQ(jobs.CountOpen(7), 2);
  });
}

TEST_F(FederationStoreTest, ProcessJobsKeepTheirKind) {
  store_->Write([&](Transaction& tx) {
    tx.Jobs().Enqueue(3, "order", "2026-01-01T00:00:00Z");
    const auto claimed = tx.Jobs().Claim("w", "2026-01-01T00:00:01Z", "2026-01-01T00:00:30Z");
    ASSERT_TRUE(claimed);
    EXPECT_EQ(claimed->kind, domain::JobKind::kProcess);
  });
}

TEST_F(FederationStoreTest, CallbacksAreClaimedWhenDueAndAgainAfterALeaseRunsOut) {
  store_->Write([&](Transaction& tx) {
    auto callbacks = tx.Callbacks();
    callbacks.Enqueue("order", "http://a/pull_order/order", "2026-01-01T00:00:00Z");
    const auto first = callbacks.Claim("2026-01-01T00:00:00Z", "2026-01-01T00:00:30Z");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->url, "http://a/pull_order/order");
    EXPECT_EQ(first->attempts, 1);
    EXPECT_FALSE(callbacks.Claim("2026-01-01T00:00:10Z", "2026-01-01T00:00:40Z"));
    // The sender died mid-POST: once its lease ran out another takes the callback.
    const auto again = callbacks.Claim("2026-01-01T00:00:31Z", "2026-01-01T00:01:00Z");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->attempts, 2);
    callbacks.Reschedule(again->id, "2026-01-01T00:02:00Z", "answered 503");
    EXPECT_FALSE(callbacks.Claim("2026-01-01T00:01:59Z", "2026-01-01T00:02:30Z"));
    const auto third = callbacks.Claim("2026-01-01T00:02:00Z", "2026-01-01T00:02:30Z");
    ASSERT_TRUE(third);
    callbacks.MarkSent(third->id);
    EXPECT_FALSE(callbacks.Claim("2026-01-01T01:00:00Z", "2026-01-01T01:00:30Z"));
    EXPECT_EQ(callbacks.CountByState().at("sent"), 1);
  });
}

TEST_F(FederationStoreTest, ProjectsAreFoundByBackendId) {
  store_->Write([&](Transaction& tx) {
    domain::Customer customer{.uuid = std::string(32, 'c'), .name = "c", .created = "x"};
    tx.Customers().Insert(customer);
    domain::Project mine{.uuid = std::string(32, 'a'),
                         .customer_id = customer.id,
                         .name = "mine",
                         .created = "x",
                         .backend_id = "cust_proj"};
    domain::Project other{
        .uuid = std::string(32, 'b'), .customer_id = customer.id, .name = "other", .created = "x"};
    tx.Projects().Insert(mine);
    tx.Projects().Insert(other);
    const Visibility all{.everything = true, .user_id = 0};
    const auto found = tx.Projects().List(all, {.backend_id = "cust_proj"}, ListOptions{});
    ASSERT_EQ(found.items.size(), 1u);
    EXPECT_EQ(found.items[0].uuid, mine.uuid);
    EXPECT_EQ(found.total, 1);
    EXPECT_EQ(tx.Projects().List(all, {}, ListOptions{}).total, 2);
    EXPECT_EQ(tx.Projects().FindById(mine.id)->backend_id, "cust_proj");
  });
}

}  // namespace
}  // namespace orderly::store
