// The PostgreSQL engine behind the store seam: conflicting writers are retried, named locks
// exclude across stores. Runs only when a test PostgreSQL server is given (the "pg." run of ctest,
// or ORDERLY_TEST_DB); skipped otherwise.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "../../support/test_database.hpp"
#include "domain/error.hpp"
#include "store/store.hpp"

namespace orderly::store {
namespace {

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string server = testing::TestPostgresUrl();
    if (server.empty()) GTEST_SKIP() << "no test PostgreSQL server (ORDERLY_TEST_DB)";
    database_ = std::make_unique<testing::ScratchDatabase>(server);
    store_ = Store::Open(database_->url(), 4);
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }

  domain::User AddUser(const std::string& name) {
    domain::User user{.uuid = std::string(32 - name.size(), '0') + name,
                      .username = name,
                      .date_joined = "2026-01-01T00:00:00Z"};
    store_->Write([&](Transaction& tx) { tx.Users().Insert(user, "hash"); });
    return user;
  }

  std::unique_ptr<testing::ScratchDatabase> database_;
  std::unique_ptr<Store> store_;
};

TEST_F(PostgresStoreTest, OpensMigratedAndSaysItsEngine) {
  EXPECT_EQ(store_->Engine(), "postgresql");
  EXPECT_TRUE(store_->Ping());
  AddUser("alice");
  // Reopening applies no migration twice.
  store_ = Store::Open(database_->url(), 1);
  EXPECT_EQ(store_->Read([](Transaction& tx) { return tx.Users().Count(); }), 1);
}

TEST_F(PostgresStoreTest, DuplicateUsernameIsAFieldErrorNotACrash) {
  AddUser("alice");
  EXPECT_THROW(AddUser("alice"), Error);
}

// A writer whose read went stale under a concurrent commit fails with 40001 and runs again; the
// second run sees the other writer's change, so neither change is lost.
TEST_F(PostgresStoreTest, AWriteThatLosesAConflictRunsAgainOnFreshData) {
  auto alice = AddUser("alice");
  std::latch read_done(1);
  std::latch other_committed(1);
  std::atomic<int> attempts{0};
  std::thread slow([&] {
    store_->Write([&](Transaction& tx) {
      auto user = *tx.Users().FindById(alice.id);
      if (++attempts == 1) {
        read_done.count_down();
        other_committed.wait();
      }
      user.full_name += "+slow";
      tx.Users().Update(user);
    });
  });
  read_done.wait();
  store_->Write([&](Transaction& tx) {
    auto user = *tx.Users().FindById(alice.id);
    user.full_name += "+fast";
    tx.Users().Update(user);
  });
  other_committed.count_down();
  slow.join();
  EXPECT_EQ(attempts.load(), 2);
  const auto stored = store_->Read([&](Transaction& tx) { return tx.Users().FindById(alice.id); });
  EXPECT_EQ(stored->full_name, "+fast+slow");
}

TEST_F(PostgresStoreTest, ANamedLockHasOneHolderAcrossStores) {
  auto other = Store::Open(database_->url(), 2);
  {
    const auto held = store_->TryLock(42);
    ASSERT_TRUE(held);
    EXPECT_FALSE(other->TryLock(42));
    EXPECT_TRUE(other->TryLock(43));  // another name is another lock
  }
  EXPECT_TRUE(other->TryLock(42));
}

// Each node caches the role -> permission table; a change committed on one node is seen by the
// other's next transaction (the generation counter is read in that transaction), and a change
// rolled back is seen by neither.
TEST_F(PostgresStoreTest, APermissionChangeOnOneNodeIsSeenByTheOther) {
  auto other = Store::Open(database_->url(), 2);
  store_->Write([](Transaction& tx) {
    tx.Roles().EnsureRole(domain::Role::kProjectMember, std::string(32, 'a'), {"ORDER.LIST"});
  });
  const auto role_id =
      store_->Read([](Transaction& tx) { return tx.Roles().ListRoles().at(0).id; });
  const auto member_permissions = [](Store& store) {
    return store.Read([](Transaction& tx) { return tx.Roles().LoadPermissions(); })
        ->at(domain::Role::kProjectMember);
  };
  EXPECT_TRUE(member_permissions(*store_).contains("ORDER.LIST"));
  EXPECT_TRUE(member_permissions(*other).contains("ORDER.LIST"));
  EXPECT_THROW(other->Write([&](Transaction& tx) {
    tx.Roles().ReplacePermissions(role_id, {"ORDER.CREATE"});
    EXPECT_TRUE(
        tx.Roles().LoadPermissions()->at(domain::Role::kProjectMember).contains("ORDER.CREATE"));
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  EXPECT_TRUE(member_permissions(*other).contains("ORDER.LIST"));
  other->Write([&](Transaction& tx) { tx.Roles().ReplacePermissions(role_id, {"RESOURCE.LIST"}); });
  EXPECT_TRUE(member_permissions(*store_).contains("RESOURCE.LIST"));
  EXPECT_FALSE(member_permissions(*store_).contains("ORDER.LIST"));
  EXPECT_TRUE(member_permissions(*other).contains("RESOURCE.LIST"));
}

}  // namespace
}  // namespace orderly::store
