#pragma once

#include <compare>
#include <span>
#include <vector>

#include "domain/lifecycle.hpp"
#include "domain/order.hpp"

namespace orderly::domain {

// The states `action` may leave an order in, from any state it accepts: its fixed to-state, or
// wherever routing may send an approval; nothing for actions that change no state.
std::vector<OrderState> StatesAfter(OrderAction action);

struct OrderMove {
  OrderState from;
  OrderState to;
  auto operator<=>(const OrderMove&) const = default;
};

// Every order move a domain table allows, sorted: the actions of OrderTransitions() (a new order
// that needs no consumer review is routed as a consumer approval), the PeriodicMoves() and the
// ProcessingEndRules(). Nothing else may change an order's state.
std::span<const OrderMove> LegalOrderMoves();
bool IsLegalOrderMove(OrderState from, OrderState to);

// The direct resource moves ResourceTransitions() allow (the repairs). A resource's other moves
// follow its orders and are ResourceStateAfter's answer.
bool IsLegalResourceMove(ResourceState from, ResourceState to);

// Clarification 6: set_as_ok on an OK resource changes nothing, not even its error fields.
bool IsNoOp(ResourceAction action, ResourceState state);

}  // namespace orderly::domain
