#include "domain/transitions.hpp"

#include <algorithm>
#include <array>

namespace orderly::domain {
namespace {

constexpr std::array<OfferingState, 2> kActivateFrom{OfferingState::kDraft, OfferingState::kPaused};
constexpr std::array<OfferingState, 1> kPauseFrom{OfferingState::kActive};
constexpr std::array<OfferingState, 3> kArchiveFrom{OfferingState::kDraft, OfferingState::kActive,
                                                    OfferingState::kPaused};

constexpr std::array<OfferingTransition, 3> kOfferingTransitions{{
    {Action::kActivateOffering, kActivateFrom, OfferingState::kActive},
    {Action::kPauseOffering, kPauseFrom, OfferingState::kPaused},
    {Action::kArchiveOffering, kArchiveFrom, OfferingState::kArchived},
}};

}  // namespace

std::span<const OfferingTransition> OfferingTransitions() { return kOfferingTransitions; }

std::optional<OfferingState> NextOfferingState(Action action, OfferingState current) {
  for (const auto& transition : kOfferingTransitions) {
    if (transition.action != action) continue;
    if (std::find(transition.from.begin(), transition.from.end(), current) != transition.from.end()) {
      return transition.to;
    }
  }
  return std::nullopt;
}

std::span<const OfferingState> OfferingStatesAllowing(Action action) {
  for (const auto& transition : kOfferingTransitions) {
    if (transition.action == action) return transition.from;
  }
  return {};
}

bool OfferingOnSale(OfferingState state) {
  return state == OfferingState::kActive || state == OfferingState::kPaused;
}

}  // namespace orderly::domain
