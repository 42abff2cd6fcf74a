// The per-process copy of the role -> permission table (issue 8): it must never answer with a
// table another transaction has changed since, whoever changed it.
#include "store/permission_cache.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>

#include "store/store.hpp"

namespace orderly::store {
namespace {

using domain::Role;

class PermissionCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "orderly-permissions-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    url_ = "sqlite:" + (directory_ / "test.db").string();
    store_ = Store::Open(url_, 2);
    store_->Write([](Transaction& tx) {
      tx.Roles().EnsureRole(Role::kProjectMember, std::string(32, 'a'), {"ORDER.LIST"});
    });
    role_id_ = store_->Read([](Transaction& tx) { return tx.Roles().ListRoles().at(0).id; });
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  static std::set<std::string, std::less<>> MemberPermissions(Store& store) {
    const auto table = store.Read([](Transaction& tx) { return tx.Roles().LoadPermissions(); });
    const auto found = table->find(Role::kProjectMember);
    return found == table->end() ? std::set<std::string, std::less<>>{} : found->second;
  }

  std::filesystem::path directory_;
  std::string url_;
  std::unique_ptr<Store> store_;
  domain::Id role_id_ = 0;
};

TEST_F(PermissionCacheTest, AChangeThroughTheSameStoreIsSeenAtOnce) {
  EXPECT_EQ(MemberPermissions(*store_), (std::set<std::string, std::less<>>{"ORDER.LIST"}));
  store_->Write(
      [&](Transaction& tx) { tx.Roles().ReplacePermissions(role_id_, {"ORDER.CREATE"}); });
  EXPECT_EQ(MemberPermissions(*store_), (std::set<std::string, std::less<>>{"ORDER.CREATE"}));
}

// Another process on the same file (here: another Store) has its own cache; the generation
// counter, read in the reader's transaction, tells this one that its copy is old.
TEST_F(PermissionCacheTest, AChangeByAnotherStoreOnTheFileIsSeen) {
  EXPECT_EQ(MemberPermissions(*store_).size(), 1u);  // cached now
  auto other = Store::Open(url_, 1);
  other->Write([&](Transaction& tx) {
    tx.Roles().ReplacePermissions(role_id_, {"ORDER.CREATE", "RESOURCE.LIST"});
  });
  EXPECT_EQ(MemberPermissions(*store_),
            (std::set<std::string, std::less<>>{"ORDER.CREATE", "RESOURCE.LIST"}));
}

// Triggers keep the counter, so even a change made with plain SQL (an operator's hand edit,
// migrate-store) reaches every cache.
TEST_F(PermissionCacheTest, AChangeMadeWithPlainSqlIsSeen) {
  EXPECT_EQ(MemberPermissions(*store_).size(), 1u);
  auto connection = Store::Connect(url_);
  connection->Query("DELETE FROM role_permissions WHERE role_id = $1", {role_id_});
  EXPECT_TRUE(MemberPermissions(*store_).empty());
  connection->Query("INSERT INTO role_permissions (role_id, permission) VALUES ($1, 'X.Y')",
                    {role_id_});
  EXPECT_EQ(MemberPermissions(*store_), (std::set<std::string, std::less<>>{"X.Y"}));
}

// A transaction that changed the table sees its own change, but that view must not be cached:
// rolled back, it never happened, and the next committed change reaches the same generation.
TEST_F(PermissionCacheTest, ARolledBackChangeLeavesNoTrace) {
  EXPECT_THROW(store_->Write([&](Transaction& tx) {
    auto roles = tx.Roles();
    roles.ReplacePermissions(role_id_, {"ORDER.CREATE"});
    EXPECT_TRUE(roles.LoadPermissions()->at(Role::kProjectMember).contains("ORDER.CREATE"));
    throw std::runtime_error("changed my mind");
  }),
               std::runtime_error);
  EXPECT_EQ(MemberPermissions(*store_), (std::set<std::string, std::less<>>{"ORDER.LIST"}));
  store_->Write(
      [&](Transaction& tx) { tx.Roles().ReplacePermissions(role_id_, {"RESOURCE.LIST"}); });
  EXPECT_EQ(MemberPermissions(*store_), (std::set<std::string, std::less<>>{"RESOURCE.LIST"}));
}

TEST(PermissionCache, KeepsTheNewestGenerationOnly) {
  PermissionCache cache;
  EXPECT_FALSE(cache.Find(1));
  const auto table = [](const char* permission) {
    return std::make_shared<const domain::RolePermissions>(
        domain::RolePermissions{{Role::kProjectMember, {permission}}});
  };
  cache.Keep(2, table("NEW"));
  cache.Keep(1, table("OLD"));  // an older reader reloading
  EXPECT_FALSE(cache.Find(1));
  ASSERT_TRUE(cache.Find(2));
  EXPECT_TRUE(cache.Find(2)->at(Role::kProjectMember).contains("NEW"));
  // Every reader shares the one table rather than copying it per request.
  EXPECT_EQ(cache.Find(2).get(), cache.Find(2).get());
}

}  // namespace
}  // namespace orderly::store
