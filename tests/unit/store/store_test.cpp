#include "store/store.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "domain/error.hpp"

namespace orderly::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "orderly-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    url_ = "sqlite:" + (directory_ / "test.db").string();
    store_ = Store::Open(url_, 2);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  domain::User AddUser(const std::string& name) {
    domain::User user{.uuid = std::string(32 - name.size(), '0') + name,
                      .username = name,
                      .date_joined = "2026-01-01T00:00:00Z"};
    store_->Write([&](Transaction& tx) { tx.Users().Insert(user, "hash"); });
    return user;
  }

  domain::Customer AddCustomer(const std::string& name) {
    domain::Customer customer{.uuid = std::string(32 - name.size(), 'c') + name,
                              .name = name,
                              .created = "2026-01-01T00:00:00Z"};
    store_->Write([&](Transaction& tx) { tx.Customers().Insert(customer); });
    return customer;
  }

  std::filesystem::path directory_;
  std::string url_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, ReopeningAppliesNoMigrationTwice) {
  AddUser("alice");
  store_.reset();
  store_ = Store::Open(url_, 1);
  const auto count = store_->Read([](Transaction& tx) { return tx.Users().Count(); });
  EXPECT_EQ(count, 1);
  EXPECT_TRUE(store_->Ping());
  EXPECT_EQ(store_->Engine(), "sqlite");
}

TEST_F(StoreTest, UserRoundTrip) {
  const auto alice = AddUser("alice");
  const auto found =
      store_->Read([&](Transaction& tx) { return tx.Users().FindByUsername("alice"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user.uuid, alice.uuid);
  EXPECT_EQ(found->password_hash, "hash");
  EXPECT_GT(found->user.id, 0);
}

TEST_F(StoreTest, DuplicateUsernameIsAnInputErrorOnThatField) {
  AddUser("alice");
  domain::User again{.uuid = std::string(32, 'f'), .username = "alice", .date_joined = "x"};
  try {
    store_->Write([&](Transaction& tx) { tx.Users().Insert(again, "hash"); });
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(error.field(), "username");
  }
}

TEST_F(StoreTest, AThrowingUseCaseLeavesNothingBehind) {
  EXPECT_THROW(store_->Write([&](Transaction& tx) {
    domain::User bob{.uuid = std::string(32, 'b'), .username = "bob", .date_joined = "x"};
    tx.Users().Insert(bob, "hash");
    throw std::runtime_error("fails after the insert");
  }),
               std::runtime_error);
  EXPECT_EQ(store_->Read([](Transaction& tx) { return tx.Users().Count(); }), 0);
  // The connection is usable again afterwards.
  AddUser("carol");
  EXPECT_EQ(store_->Read([](Transaction& tx) { return tx.Users().Count(); }), 1);
}

TEST_F(StoreTest, ListPagesAndOrders) {
  for (const char* name : {"delta", "alpha", "charlie", "bravo", "echo"}) AddCustomer(name);
  const Visibility all{.everything = true};
  auto page = store_->Read([&](Transaction& tx) {
    return tx.Customers().List(all, {.order_field = "name", .offset = 2, .limit = 2});
  });
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].name, "charlie");
  EXPECT_EQ(page.items[1].name, "delta");
  page = store_->Read([&](Transaction& tx) {
    return tx.Customers().List(all, {.order_field = "name", .descending = true, .limit = 1});
  });
  EXPECT_EQ(page.items.at(0).name, "echo");
}

TEST_F(StoreTest, UnknownOrderFieldIsAnInputErrorOnO) {
  try {
    store_->Read([](Transaction& tx) {
      return tx.Customers().List({.everything = true}, {.order_field = "password"});
    });
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.field(), "o");
  }
}

TEST_F(StoreTest, CustomerVisibilityFollowsRoles) {
  const auto alice = AddUser("alice");
  const auto mine = AddCustomer("mine");
  const auto theirs = AddCustomer("theirs");
  domain::Project project{
      .uuid = std::string(32, 'p'), .customer_id = theirs.id, .name = "p", .created = "x"};
  store_->Write([&](Transaction& tx) {
    tx.Projects().Insert(project);
    tx.Roles().Grant(
        {.user_id = alice.id, .role = domain::Role::kCustomerOwner, .scope_id = mine.id});
  });
  const Visibility as_alice{.user_id = alice.id};
  auto visible = store_->Read([&](Transaction& tx) { return tx.Customers().List(as_alice, {}); });
  ASSERT_EQ(visible.total, 1);
  EXPECT_EQ(visible.items[0].name, "mine");

  // A project role makes the project's organization visible too.
  store_->Write([&](Transaction& tx) {
    tx.Roles().Grant(
        {.user_id = alice.id, .role = domain::Role::kProjectMember, .scope_id = project.id});
  });
  visible = store_->Read([&](Transaction& tx) { return tx.Customers().List(as_alice, {}); });
  EXPECT_EQ(visible.total, 2);
}

TEST_F(StoreTest, GrantsAreUniqueAndRevocable) {
  const auto alice = AddUser("alice");
  const auto customer = AddCustomer("org");
  const RoleGrant grant{.user_id = alice.id,
                        .role = domain::Role::kCustomerOwner,
                        .scope_id = customer.id,
                        .created = "x"};
  store_->Write([&](Transaction& tx) {
    EXPECT_TRUE(tx.Roles().Grant(grant));
    EXPECT_FALSE(tx.Roles().Grant(grant));
  });
  auto held = store_->Read([&](Transaction& tx) { return tx.Roles().GrantsOf(alice.id); });
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].role, domain::Role::kCustomerOwner);
  store_->Write([&](Transaction& tx) {
    EXPECT_TRUE(tx.Roles().Revoke(alice.id, domain::Role::kCustomerOwner, customer.id));
    EXPECT_FALSE(tx.Roles().Revoke(alice.id, domain::Role::kCustomerOwner, customer.id));
  });
}

TEST_F(StoreTest, RolePermissionsAreSeededOnceAndReplaceable) {
  store_->Write([](Transaction& tx) {
    tx.Roles().EnsureRole(domain::Role::kProjectMember, std::string(32, 'a'), {"ORDER.LIST"});
    tx.Roles().EnsureRole(domain::Role::kProjectMember, std::string(32, 'b'), {"ORDER.CREATE"});
  });
  auto roles = store_->Read([](Transaction& tx) { return tx.Roles().ListRoles(); });
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(roles[0].permissions, std::vector<std::string>{"ORDER.LIST"});
  store_->Write([&](Transaction& tx) {
    tx.Roles().ReplacePermissions(roles[0].id, {"ORDER.CREATE", "RESOURCE.LIST"});
  });
  const auto loaded = store_->Read([](Transaction& tx) { return tx.Roles().LoadPermissions(); });
  EXPECT_EQ(loaded->at(domain::Role::kProjectMember).size(), 2u);
  EXPECT_TRUE(loaded->at(domain::Role::kProjectMember).contains("RESOURCE.LIST"));
}

TEST_F(StoreTest, OfferingWithPlansAndComponentsRoundTrips) {
  const auto provider = AddCustomer("provider");
  domain::Offering offering{.uuid = std::string(32, 'e'),
                            .name = "VMs",
                            .customer_id = provider.id,
                            .type = domain::OfferingType::kScript,
                            .created = "x"};
  offering.secret_options = {{"language", "shell"}};
  offering.components.push_back({.type = "cpu",
                                 .name = "CPU",
                                 .measured_unit = "cores",
                                 .billing_type = domain::BillingType::kLimit,
                                 .min_value = 1,
                                 .max_value = 64});
  offering.plans.push_back({.uuid = std::string(32, 'd'), .name = "Small", .unit_price = "1.25"});
  store_->Write([&](Transaction& tx) { tx.Offerings().Insert(offering); });
  const auto found =
      store_->Read([&](Transaction& tx) { return tx.Offerings().FindByUuid(offering.uuid); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->type, domain::OfferingType::kScript);
  EXPECT_EQ(found->state, domain::OfferingState::kDraft);
  EXPECT_EQ(found->customer_name, "provider");
  EXPECT_EQ(found->secret_options.at("language"), "shell");
  ASSERT_EQ(found->components.size(), 1u);
  EXPECT_EQ(found->components[0].max_value, 64);
  EXPECT_FALSE(found->components[0].min_value == std::nullopt);
  ASSERT_EQ(found->plans.size(), 1u);
  EXPECT_EQ(found->plans[0].unit_price, "1.25");
  EXPECT_EQ(found->plans[0].max_amount, std::nullopt);
}

// What a transaction tells other threads (a queued job) must happen after its commit, and never
// for a transaction that rolled back.
TEST_F(StoreTest, AfterCommitRunsOnlyOnceCommitted) {
  int told = 0;
  bool committed_when_told = false;
  store_->Write([&](Transaction& tx) {
    domain::User alice{.uuid = std::string(32, '1'), .username = "alice", .date_joined = "x"};
    tx.Users().Insert(alice, "");
    tx.AfterCommit([&] {
      ++told;
      // Another connection sees the row by now.
      committed_when_told =
          store_->Read([](Transaction& reader) { return reader.Users().Count(); }) == 1;
    });
    EXPECT_EQ(told, 0);
  });
  EXPECT_EQ(told, 1);
  EXPECT_TRUE(committed_when_told);
  EXPECT_THROW(store_->Write([&](Transaction& tx) {
    tx.AfterCommit([&] { ++told; });
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  EXPECT_EQ(told, 1);
}

TEST_F(StoreTest, RejectsUnknownDatabaseUrls) {
  EXPECT_THROW(Store::Open("mysql://x", 1), std::invalid_argument);
  EXPECT_THROW(Store::Open("sqlite:", 1), std::invalid_argument);
}

}  // namespace
}  // namespace orderly::store
