#include "domain/order_moves.hpp"

#include <algorithm>

#include "domain/periodic_moves.hpp"
#include "domain/processing_ends.hpp"
#include "domain/routing.hpp"
#include "domain/state_rules.hpp"

namespace orderly::domain {
namespace {

std::vector<OrderMove> AllLegalOrderMoves() {
  std::vector<OrderMove> moves;
  for (const auto& transition : OrderTransitions()) {
    for (const auto& entry : OrderStates()) {
      if (!Allows(transition.from, entry.value)) continue;
      for (OrderState to : StatesAfter(transition.action)) moves.push_back({entry.value, to});
    }
  }
  for (const auto& move : PeriodicMoves()) {
    for (OrderState to : PossibleDestinations(move)) moves.push_back({move.from, to});
  }
  for (const auto& end : ProcessingEndRules()) moves.push_back({ProcessingState(), end.to});
  std::sort(moves.begin(), moves.end());
  moves.erase(std::unique(moves.begin(), moves.end()), moves.end());
  return moves;
}

}  // namespace

std::vector<OrderState> StatesAfter(OrderAction action) {
  const auto& transition = TransitionOf(action);
  if (transition.to) return {*transition.to};
  switch (action) {
    case OrderAction::kApproveByConsumer: return PossibleRoutes(RouteAfterConsumerApproval);
    case OrderAction::kApproveByProvider: return PossibleRoutes(RouteAfterProviderApproval);
    default: return {};
  }
}

std::span<const OrderMove> LegalOrderMoves() {
  static const std::vector<OrderMove> kMoves = AllLegalOrderMoves();
  return kMoves;
}

bool IsLegalOrderMove(OrderState from, OrderState to) {
  const auto moves = LegalOrderMoves();
  return std::binary_search(moves.begin(), moves.end(), OrderMove{from, to});
}

bool IsLegalResourceMove(ResourceState from, ResourceState to) {
  return std::any_of(ResourceTransitions().begin(), ResourceTransitions().end(),
                     [&](const ResourceTransition& transition) {
                       return transition.to == to && Allows(transition.from, from);
                     });
}

bool IsNoOp(ResourceAction action, ResourceState state) {
  return action == ResourceAction::kSetAsOk && TransitionOf(action).to == state;
}

}  // namespace orderly::domain
