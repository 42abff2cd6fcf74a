#pragma once

#include <string>
#include <vector>

#include "domain/check.hpp"
#include "service/context.hpp"
#include "store/transaction.hpp"

namespace orderly::service {

// The order states that count as "in progress" for a resource.
const std::vector<domain::OrderState>& OpenOrderStates();

store::PermissionScope ScopeOf(const domain::ListRule& rule);

// The order, when the actor may see it; Error(kNotFound) otherwise.
store::OrderRecord VisibleOrder(store::Transaction& tx, const domain::Actor& actor, const std::string& uuid);

domain::Subject SubjectOf(const store::Surroundings& where, domain::Id project_id, domain::Id offering_id);
domain::OrderFacts FactsOf(const store::OrderRecord& record, const std::string& today);

// Everything a permission check needs about another user (routing on behalf of a reviewer).
domain::Actor LoadActor(store::Transaction& tx, domain::Id user_id);
domain::Actor ActorOf(store::Transaction& tx, const domain::User& user);

// The resource of an order, which always exists while the order does.
domain::Resource ResourceOf(store::Transaction& tx, const domain::Order& order);

}  // namespace orderly::service
