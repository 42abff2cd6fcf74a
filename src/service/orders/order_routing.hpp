#pragma once

#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "domain/routing.hpp"
#include "domain/structure.hpp"
#include "service/orders/workflow.hpp"
#include "store/order_repository.hpp"

namespace orderly::service {

// The routing facts for an order, judged for `approver` (the consumer-side reviewer or creator).
domain::RoutingFacts RoutingFactsFor(const domain::Order& order, const domain::Offering& offering,
                                     const domain::Project& project, const domain::Actor& approver,
                                     const std::string& today);

// domain.md §3.2 for an order just inserted in pending-consumer: when its creator needs no
// consumer review, records them as reviewer and routes it on.
void RouteNewOrder(Workflow& workflow, const domain::Actor& creator, domain::Order& order,
                   const domain::Offering& offering, const domain::Project& project);

// approve_by_consumer's effect (domain.md §3.5), after the rules allowed it; returns the detail.
std::string ConsumerApprove(Workflow& workflow, store::Transaction& tx, const domain::Actor& approver,
                            store::OrderRecord& record);

// Inserts a new order for `resource` in pending-consumer, logs it and the resource's change,
// then routes it. The resource is saved with its new state.
void PlaceOrder(Workflow& workflow, store::Transaction& tx, const domain::Actor& creator,
                domain::Order& order, domain::Resource& resource, const domain::Offering& offering,
                const domain::Project& project);

}  // namespace orderly::service
