#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "domain/state_rules.hpp"
#include "store/store.hpp"

namespace orderly::store {
namespace {

// Orders and resources in a real SQLite file: visibility through role grants, filters, and the
// statements built from several parameter-adding pieces.
class OrderStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "orderly-orders-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    store_ = Store::Open("sqlite:" + (directory_ / "test.db").string(), 1);
    store_->Write([&](Transaction& tx) {
      tx.Roles().EnsureRole(domain::Role::kCustomerOwner, std::string(32, 'a'),
                            {"ORDER.LIST", "ORDER.APPROVE"});
      tx.Roles().EnsureRole(domain::Role::kProjectMember, std::string(32, 'b'), {"ORDER.LIST"});
      domain::User alice{.uuid = std::string(32, '1'), .username = "alice", .date_joined = "x"};
      domain::User bob{.uuid = std::string(32, '2'), .username = "bob", .date_joined = "x"};
      tx.Users().Insert(alice, "");
      tx.Users().Insert(bob, "");
      alice_ = alice.id;
      bob_ = bob.id;
      domain::Customer consumer{.uuid = std::string(32, 'c'), .name = "consumer", .created = "x"};
      domain::Customer provider{.uuid = std::string(32, 'd'), .name = "provider", .created = "x"};
      tx.Customers().Insert(consumer);
      tx.Customers().Insert(provider);
      consumer_ = consumer.id;
      domain::Project project{
          .uuid = std::string(32, 'e'), .customer_id = consumer.id, .name = "p", .created = "x"};
      tx.Projects().Insert(project);
      domain::Offering offering{.uuid = std::string(32, 'f'),
                                .name = "o",
                                .customer_id = provider.id,
                                .type = domain::OfferingType::kBasic,
                                .created = "x"};
      tx.Offerings().Insert(offering);
      for (int i = 0; i < 3; ++i) {
        domain::Resource resource{.uuid = std::string(31, '7') + std::to_string(i),
                                  .project_id = project.id,
                                  .offering_id = offering.id,
                                  .created = "x",
                                  .modified = "x"};
        tx.Resources().Insert(resource);
        domain::Order order{
            .uuid = std::string(31, '8') + std::to_string(i),
            .state = i == 0 ? domain::OrderState::kPendingConsumer : domain::OrderState::kDone,
            .project_id = project.id,
            .resource_id = resource.id,
            .offering_id = offering.id,
            .created = "2026-01-0" + std::to_string(i + 1),
            .modified = "x",
            .created_by = bob.id};
        tx.Orders().Insert(order);
        orders_.push_back(order.id);
      }
      tx.Roles().Grant({.user_id = alice.id,
                        .role = domain::Role::kCustomerOwner,
                        .scope_id = consumer.id,
                        .created = "x"});
    });
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  const PermissionScope kList{.permission = "ORDER.LIST",
                              .project = true,
                              .customer = true,
                              .offering_customer = true,
                              .offering = true};

  std::filesystem::path directory_;
  std::unique_ptr<Store> store_;
  domain::Id alice_ = 0, bob_ = 0, consumer_ = 0;
  std::vector<domain::Id> orders_;
};

// plan.max_amount counts the resources in the states the domain names, not a state the SQL picks.
TEST_F(OrderStoreTest, APlanCountsItsResourcesInTheGivenStates) {
  store_->Write([&](Transaction& tx) {
    domain::Offering offering{.uuid = std::string(32, '9'),
                              .name = "planned",
                              .customer_id = consumer_,
                              .type = domain::OfferingType::kBasic,
                              .plans = {{.uuid = std::string(32, '6'), .name = "Small"}},
                              .created = "x"};
    tx.Offerings().Insert(offering);
    const domain::Id plan = offering.plans.front().id;
    const domain::Id project = tx.Projects().FindByUuid(std::string(32, 'e'))->id;
    int n = 0;
    for (auto state : {domain::ResourceState::kCreating, domain::ResourceState::kOk,
                       domain::ResourceState::kTerminated}) {
      domain::Resource resource{.uuid = std::string(31, '5') + std::to_string(n++),
                                .state = state,
                                .project_id = project,
                                .offering_id = offering.id,
                                .plan_id = plan,
                                .created = "x",
                                .modified = "x"};
      tx.Resources().Insert(resource);
    }
    EXPECT_EQ(tx.Resources().CountOnPlan(plan, domain::ResourceStatesCountingOnPlan()), 2);
    EXPECT_EQ(tx.Resources().CountOnPlan(plan, {domain::ResourceState::kTerminated}), 1);
    EXPECT_EQ(tx.Resources().CountOnPlan(plan, {}), 0);
  });
}

TEST_F(OrderStoreTest, VisibleToPermissionHoldersOnly) {
  store_->Read([&](Transaction& tx) {
    EXPECT_EQ(tx.Orders().List({.everything = true}, kList, {}, {}).total, 3);
    EXPECT_EQ(tx.Orders().List({.user_id = alice_}, kList, {}, {}).total, 3);
    EXPECT_EQ(tx.Orders().List({.user_id = bob_}, kList, {}, {}).total, 0);
  });
}

TEST_F(OrderStoreTest, VisibilityFollowsTheGrantedPermissionNotTheRole) {
  PermissionScope other = kList;
  other.permission = "ORDER.DESTROY";
  store_->Read([&](Transaction& tx) {
    EXPECT_EQ(tx.Orders().List({.user_id = alice_}, other, {}, {}).total, 0);
  });
}

TEST_F(OrderStoreTest, FiltersCombineWithVisibility) {
  store_->Read([&](Transaction& tx) {
    OrderFilter pending{.states = {domain::OrderState::kPendingConsumer}};
    auto page = tx.Orders().List({.user_id = alice_}, kList, pending, {});
    EXPECT_EQ(page.total, 1);
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].order.id, orders_[0]);
    EXPECT_EQ(page.items[0].created_by->username, "bob");
    EXPECT_EQ(page.items[0].where.customer_name, "consumer");
    OrderFilter approvable{.states = {domain::OrderState::kPendingConsumer},
                           .approver = PermissionScope{
                               .permission = "ORDER.APPROVE", .project = true, .customer = true}};
    EXPECT_EQ(tx.Orders().List({.user_id = alice_}, kList, approvable, {}).total, 1);
    approvable.approver->customer = false;
    EXPECT_EQ(tx.Orders().List({.user_id = alice_}, kList, approvable, {}).total, 0);
    auto newest = tx.Orders().List({.everything = true}, kList, {},
                                   {.order_field = "created", .descending = true, .limit = 1});
    EXPECT_EQ(newest.items.at(0).order.id, orders_[2]);
  });
}

TEST_F(OrderStoreTest, QueryMatchesUuidOrNames) {
  store_->Read([&](Transaction& tx) {
    const Visibility all{.everything = true};
    EXPECT_EQ(tx.Orders().List(all, kList, {.query = std::string(31, '8') + "1"}, {}).total, 1);
    EXPECT_EQ(tx.Orders().List(all, kList, {.query = "p"}, {}).total, 3);  // the project's name
    EXPECT_EQ(tx.Orders().List(all, kList, {.query = "nothing-like-this"}, {}).total, 0);
  });
}

// The count joins only the tables its WHERE clause reads; each filter must bring its own join
// (a missing one is an SQL error), and the count must agree with the page.
TEST_F(OrderStoreTest, EachFilterCountsThroughTheJoinsItNeeds) {
  const std::vector<std::pair<std::string, OrderFilter>> filters = {
      {"none", {}},
      {"project", {.project_uuid = std::string(32, 'e')}},
      {"offering", {.offering_uuid = std::string(32, 'f')}},
      {"provider", {.provider_uuid = std::string(32, 'd')}},
      {"customer", {.customer_uuid = std::string(32, 'c')}},
      {"resource", {.resource_uuid = std::string(31, '7') + "1"}},
      {"query", {.query = "p"}},
      {"offering type", {.offering_types = {domain::OfferingType::kBasic}}},
      {"type", {.types = {domain::OrderType::kCreate}}},
      {"state", {.states = {domain::OrderState::kDone}}},
      {"other customer", {.customer_uuid = std::string(32, 'd')}},
      {"approver via provider",
       {.approver = PermissionScope{.permission = "ORDER.APPROVE", .offering_customer = true}}},
  };
  const PermissionScope via_provider{.permission = "ORDER.LIST", .offering_customer = true};
  store_->Read([&](Transaction& tx) {
    for (const auto& [name, filter] : filters) {
      for (const Visibility& who :
           {Visibility{.everything = true}, Visibility{.user_id = alice_}}) {
        const auto page = tx.Orders().List(who, kList, filter, {.limit = 100});
        EXPECT_EQ(page.total, static_cast<std::int64_t>(page.items.size())) << name;
      }
      // Visible only through the offering's customer, which alice does not own.
      EXPECT_EQ(tx.Orders().List({.user_id = alice_}, via_provider, filter, {}).total, 0) << name;
    }
    EXPECT_EQ(tx.Orders().List({.everything = true}, kList, filters[5].second, {}).total, 1);
    EXPECT_EQ(tx.Orders().List({.user_id = alice_}, kList, filters[9].second, {}).total, 2);
    EXPECT_EQ(tx.Orders().List({.user_id = alice_}, kList, filters[10].second, {}).total, 0);
  });
}

TEST_F(OrderStoreTest, OpenOrderOfAResource) {
  store_->Read([&](Transaction& tx) {
    const auto first = tx.Orders().FindById(orders_[0]);
    const std::vector<domain::OrderState> open{domain::OrderState::kPendingConsumer,
                                               domain::OrderState::kExecuting};
    EXPECT_TRUE(tx.Orders().OpenOrderOf(first->order.resource_id, open));
    const auto done = tx.Orders().FindById(orders_[1]);
    EXPECT_FALSE(tx.Orders().OpenOrderOf(done->order.resource_id, open));
  });
}

}  // namespace
}  // namespace orderly::store
