#pragma once

#include <optional>
#include <span>

#include "domain/offering.hpp"
#include "domain/permissions.hpp"

namespace orderly::domain {

struct OfferingTransition {
  Action action;
  std::span<const OfferingState> from;
  OfferingState to;
};

std::span<const OfferingTransition> OfferingTransitions();

// The state an offering moves to under the action, or nothing when its state forbids it.
std::optional<OfferingState> NextOfferingState(Action action, OfferingState current);

// The states from which the action is allowed, for the 409 message.
std::span<const OfferingState> OfferingStatesAllowing(Action action);

// Spec clarification 4: which offering states are listed publicly.
bool OfferingOnSale(OfferingState state);

}  // namespace orderly::domain
