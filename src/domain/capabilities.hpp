#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "domain/lifecycle_actions.hpp"
#include "domain/offering.hpp"

namespace orderly::domain {

// Whether an approved order must also be approved by the provider (domain.md §3.4).
enum class ProviderReview {
  kAlways,
  kNever,
  kScriptSetting,  // unless plugin_options.auto_approve_marketplace_script is false
  kRemoteRules,    // skipped when auto_approve_remote_orders or the approver owns the provider
};

// How an executing order is carried out.
enum class Processing {
  kManual,     // waits for set_state_done / set_state_erred (Basic, SLURM site agent)
  kHelpdesk,   // waits for its support issue (Support)
  kAutomated,  // a processor does the work (Script, OpenStack, Rancher)
  // A processor submits the order to another system and then follows it there: pulls (on that
  // system's callback and periodically) bring its outcome (Remote, processing.md §9.4).
  kSubmittedAndFollowed,
};

struct OfferingCapability {
  OfferingType type;
  // Of the type-gated order actions (GatedOrderActions()), those this type allows.
  std::span<const OrderAction> gated_actions;
  ProviderReview provider_review;
  Processing processing;
};

std::span<const OfferingCapability> OfferingCapabilities();
const OfferingCapability& CapabilityOf(OfferingType type);

// The order actions that only some offering types allow; every other action suits every type.
std::span<const OrderAction> GatedOrderActions();

bool Supports(OfferingType type, OrderAction action);

// processing.md §10: orders of automated types that sit in executing too long are failed
// ("interruptible"); manual types wait for their provider as long as it takes.
bool ExecutionTimesOut(OfferingType type);

// Whether executing orders of this type are followed by pulls of another system's order.
bool FollowsBackend(OfferingType type);

// The 405 detail for an action the type does not allow.
std::string NotSupportedMessage(OfferingType type, OrderAction action);

// domain.md §3.4 for the given type; `approver_owns_provider` is whether the consumer-side
// approver (or creator) owns the offering's organization.
bool ProviderReviewNeeded(OfferingType type, const nlohmann::json& plugin_options,
                          bool approver_owns_provider);

}  // namespace orderly::domain
