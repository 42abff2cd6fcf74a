#include "domain/offering.hpp"

#include <array>

namespace orderly::domain {
namespace {

// Offering types have no numeric code in Waldur; the code column is only an ordinal here.
constexpr std::array<EnumEntry<OfferingType>, 7> kOfferingTypes{{
    {OfferingType::kBasic, 1, "Marketplace.Basic"},
    {OfferingType::kSupport, 2, "Support.OfferingTemplate"},
    {OfferingType::kSlurm, 3, "Marketplace.Slurm"},
    {OfferingType::kScript, 4, "Marketplace.Script"},
    {OfferingType::kRemote, 5, "Waldur.RemoteOffering"},
    {OfferingType::kOpenStackTenant, 6, "OpenStack.Tenant"},
    {OfferingType::kRancher, 7, "Marketplace.Rancher"},
}};

constexpr std::array<EnumEntry<OfferingState>, 4> kOfferingStates{{
    {OfferingState::kDraft, 1, "Draft"},
    {OfferingState::kActive, 2, "Active"},
    {OfferingState::kPaused, 3, "Paused"},
    {OfferingState::kArchived, 4, "Archived"},
}};

constexpr std::array<EnumEntry<BillingType>, 3> kBillingTypes{{
    {BillingType::kLimit, 1, "limit"},
    {BillingType::kUsage, 2, "usage"},
    {BillingType::kFixed, 3, "fixed"},
}};

}  // namespace

std::span<const EnumEntry<OfferingType>> OfferingTypes() { return kOfferingTypes; }
std::span<const EnumEntry<OfferingState>> OfferingStates() { return kOfferingStates; }
std::span<const EnumEntry<BillingType>> BillingTypes() { return kBillingTypes; }

std::string_view NameOf(OfferingType type) { return EnumEntryOf(OfferingTypes(), type).name; }
std::string_view NameOf(OfferingState state) { return EnumEntryOf(OfferingStates(), state).name; }
std::string_view NameOf(BillingType type) { return EnumEntryOf(BillingTypes(), type).name; }

}  // namespace orderly::domain
