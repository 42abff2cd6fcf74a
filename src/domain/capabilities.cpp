#include "domain/capabilities.hpp"

#include <algorithm>
#include <array>

namespace orderly::domain {
namespace {

using enum OrderAction;

constexpr std::array<OrderAction, 6> kGated{kCancel,       kSetStateExecuting, kSetStateDone,
                                            kSetStateErred, kRetry,            kCancelTermination};

// Spec decisions 1-3 and processing.md §6.
constexpr std::array<OrderAction, 4> kBasic{kCancel, kSetStateDone, kSetStateErred, kRetry};
constexpr std::array<OrderAction, 2> kSupport{kCancel, kSetStateDone};
constexpr std::array<OrderAction, 4> kSlurm{kSetStateExecuting, kSetStateDone, kSetStateErred, kRetry};
constexpr std::array<OrderAction, 1> kRemote{kCancelTermination};
constexpr std::array<OrderAction, 0> kNone{};

constexpr std::array<OfferingCapability, 7> kCapabilities{{
    {OfferingType::kBasic, kBasic, ProviderReview::kAlways, Processing::kManual},
    {OfferingType::kSupport, kSupport, ProviderReview::kNever, Processing::kHelpdesk},
    {OfferingType::kSlurm, kSlurm, ProviderReview::kAlways, Processing::kManual},
    {OfferingType::kScript, kNone, ProviderReview::kScriptSetting, Processing::kAutomated},
    {OfferingType::kRemote, kRemote, ProviderReview::kRemoteRules,
     Processing::kSubmittedAndFollowed},
    {OfferingType::kOpenStackTenant, kNone, ProviderReview::kNever, Processing::kAutomated},
    {OfferingType::kRancher, kNone, ProviderReview::kNever, Processing::kAutomated},
}};

bool Contains(std::span<const OrderAction> actions, OrderAction action) {
  return std::find(actions.begin(), actions.end(), action) != actions.end();
}

bool FlagIs(const nlohmann::json& options, const char* key, bool expected) {
  if (!options.is_object()) return false;
  const auto found = options.find(key);
  return found != options.end() && found->is_boolean() && found->get<bool>() == expected;
}

}  // namespace

std::span<const OfferingCapability> OfferingCapabilities() { return kCapabilities; }

const OfferingCapability& CapabilityOf(OfferingType type) {
  for (const auto& capability : kCapabilities) {
    if (capability.type == type) return capability;
  }
  return kCapabilities.front();  // unreachable: capabilities_test covers every type
}

std::span<const OrderAction> GatedOrderActions() { return kGated; }

bool Supports(OfferingType type, OrderAction action) {
  return !Contains(kGated, action) || Contains(CapabilityOf(type).gated_actions, action);
}

bool ExecutionTimesOut(OfferingType type) {
  const Processing processing = CapabilityOf(type).processing;
  return processing == Processing::kAutomated || processing == Processing::kSubmittedAndFollowed;
}

bool FollowsBackend(OfferingType type) {
  return CapabilityOf(type).processing == Processing::kSubmittedAndFollowed;
}

std::string NotSupportedMessage(OfferingType type, OrderAction action) {
  if (action == kRetry) {
    return "Retry is not supported for offerings of type " + std::string(NameOf(type)) + ".";
  }
  return "The order's offering with " + std::string(NameOf(type)) +
         " type does not support this action.";
}

bool ProviderReviewNeeded(OfferingType type, const nlohmann::json& plugin_options,
                          bool approver_owns_provider) {
  switch (CapabilityOf(type).provider_review) {
    case ProviderReview::kAlways: return true;
    case ProviderReview::kNever: return false;
    case ProviderReview::kScriptSetting:
      return FlagIs(plugin_options, "auto_approve_marketplace_script", false);
    case ProviderReview::kRemoteRules:
      return !(FlagIs(plugin_options, "auto_approve_remote_orders", true) || approver_owns_provider);
  }
  return true;
}

}  // namespace orderly::domain
