#pragma once

#include <string_view>
#include <vector>

#include "domain/actor.hpp"
#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "domain/structure.hpp"

namespace orderly::domain {

// domain.md §3.3: whether a new order waits for a consumer-side approval. `creator` is the user
// who placed it.
bool ConsumerReviewNeeded(const Actor& creator, const Offering& offering, const Project& project,
                          OrderType type);

// Whether `actor` owns the organization that provides the offering.
bool OwnsProvider(const Actor& actor, const Offering& offering);

// The facts routing decides on; dates are compared by the caller against today (UTC).
struct RoutingFacts {
  bool project_starts_later = false;  // project.start_date > today
  bool provider_review_needed = false;
  bool order_starts_later = false;  // order.start_date > today
};

// Every state `route` may send an order to, over every combination of the facts (in state order,
// without repeats): the answer to "where may this routing send an order?".
std::vector<OrderState> PossibleRoutes(OrderState (*route)(const RoutingFacts&));

// After a consumer approval, or at creation when none is needed (§3.2, §3.5, clarification 2).
OrderState RouteAfterConsumerApproval(const RoutingFacts& facts);
// After a provider approval (§3.6).
OrderState RouteAfterProviderApproval(const RoutingFacts& facts);
// When a pending-project order's project starts (§3.7).
OrderState RouteWhenProjectStarts(const RoutingFacts& facts);

// The {"detail"} of approve_by_consumer / approve_by_provider for the state reached.
std::string_view ApprovalDetail(OrderState reached);

}  // namespace orderly::domain
