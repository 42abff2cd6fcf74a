#pragma once

// What the domain's own tables allow an order's and a resource's history to be. The reliability
// tests link orderly_domain and ask it, so no transition is restated here.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "domain/lifecycle.hpp"
#include "domain/order.hpp"

namespace orderly::testing {

std::optional<domain::OrderState> OrderStateNamed(std::string_view name);
std::optional<domain::ResourceState> ResourceStateNamed(std::string_view name);

// The states `action` may leave an order in when it succeeds from any state it accepts (the
// routing results for approvals; nothing for actions that change no state).
std::set<domain::OrderState> StatesAfter(domain::OrderAction action);

// Every state reachable from `states` (themselves included) by domain::LegalOrderMoves().
std::set<domain::OrderState> ReachableFrom(const std::set<domain::OrderState>& states);

// Replays an order's event log (oldest first, as the API serializes events) from its creation
// through the domain's moves. Returns what is wrong, or "" when the log leads to `current`.
std::string ReplayOrderLog(const nlohmann::json& events_oldest_first, std::string_view current);

// Replays a resource's event log: each move starts where the last ended, each move an order
// caused is the one the domain prescribes for that order's outcome, and the log ends in
// `resource["state"]`. `orders` maps the uuids of the resource's orders to their JSON.
std::string ReplayResourceLog(const nlohmann::json& events_oldest_first,
                              const nlohmann::json& resource,
                              const std::map<std::string, nlohmann::json>& orders);

}  // namespace orderly::testing
