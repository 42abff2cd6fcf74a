#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "domain/structure.hpp"
#include "store/transaction.hpp"

namespace orderly::service {

// Spec clarifications 5 and 18: keys must be the offering's "limit" components, values whole
// numbers within their inclusive bounds. 400 on `field` otherwise.
void ValidateLimits(const domain::Offering& offering, const nlohmann::json& limits,
                    const std::string& field = "limits");

// The plan named by `plan_uuid` must belong to the offering, be active and have room
// (max_amount). 400 on "plan" otherwise.
domain::Plan ValidatePlan(store::Transaction& tx, const domain::Offering& offering,
                          const std::string& plan_uuid);

// Organization blocked, offering not accepting this order type, project expired (domain.md §5.1
// validate_order, clarification 4).
void ValidateOrderPlacement(const domain::Customer& customer, const domain::Offering& offering,
                            const domain::Project& project, domain::OrderType type,
                            const std::string& today);

// An order start date: a real date, not in the past, within the project's dates.
void ValidateStartDate(const std::string& start_date, const domain::Project& project,
                       const std::string& today);

// Only one open order per resource.
void RequireNoOpenOrder(store::Transaction& tx, domain::Id resource_id);

}  // namespace orderly::service
