#include "domain/lifecycle_actions.hpp"

#include <array>
#include <utility>

namespace orderly::domain {
namespace {

constexpr std::array<std::pair<OrderAction, std::string_view>, 14> kOrderActionNames{{
    {OrderAction::kApproveByConsumer, "approve_by_consumer"},
    {OrderAction::kRejectByConsumer, "reject_by_consumer"},
    {OrderAction::kApproveByProvider, "approve_by_provider"},
    {OrderAction::kRejectByProvider, "reject_by_provider"},
    {OrderAction::kCancel, "cancel"},
    {OrderAction::kSetStateExecuting, "set_state_executing"},
    {OrderAction::kSetStateDone, "set_state_done"},
    {OrderAction::kSetStateErred, "set_state_erred"},
    {OrderAction::kRetry, "retry"},
    {OrderAction::kUnlink, "unlink"},
    {OrderAction::kCancelTermination, "cancel_termination"},
    {OrderAction::kSetBackendId, "set_backend_id"},
    {OrderAction::kUpdate, "update"},
    {OrderAction::kDestroy, "destroy"},
}};

constexpr std::array<std::pair<ResourceAction, std::string_view>, 12> kResourceActionNames{{
    {ResourceAction::kTerminate, "terminate"},
    {ResourceAction::kForceDestroy, "force_destroy"},
    {ResourceAction::kSwitchPlan, "switch_plan"},
    {ResourceAction::kUpdateLimits, "update_limits"},
    {ResourceAction::kSetStateOk, "set_state_ok"},
    {ResourceAction::kSetAsOk, "set_as_ok"},
    {ResourceAction::kSetAsErred, "set_as_erred"},
    {ResourceAction::kUnlink, "unlink"},
    {ResourceAction::kSetBackendId, "set_backend_id"},
    {ResourceAction::kSetLimits, "set_limits"},
    {ResourceAction::kSetBackendMetadata, "set_backend_metadata"},
    {ResourceAction::kUpdate, "update"},
}};

constexpr std::array<OrderAction, 11> kListedOrderActions{
    OrderAction::kApproveByConsumer, OrderAction::kRejectByConsumer,
    OrderAction::kApproveByProvider, OrderAction::kRejectByProvider,
    OrderAction::kCancel,            OrderAction::kSetStateExecuting,
    OrderAction::kSetStateDone,      OrderAction::kSetStateErred,
    OrderAction::kRetry,             OrderAction::kUnlink,
    OrderAction::kCancelTermination,
};

constexpr std::array<ResourceAction, 8> kListedResourceActions{
    ResourceAction::kTerminate,  ResourceAction::kSwitchPlan, ResourceAction::kUpdateLimits,
    ResourceAction::kSetStateOk, ResourceAction::kSetAsOk,    ResourceAction::kSetAsErred,
    ResourceAction::kForceDestroy, ResourceAction::kUnlink,
};

template <typename Table, typename Action>
std::string_view Lookup(const Table& table, Action action) {
  for (const auto& [value, name] : table) {
    if (value == action) return name;
  }
  return "unknown";
}

template <typename Action, typename Table>
std::optional<Action> Find(const Table& table, std::string_view name) {
  for (const auto& [value, entry] : table) {
    if (entry == name) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view NameOf(OrderAction action) { return Lookup(kOrderActionNames, action); }
std::string_view NameOf(ResourceAction action) { return Lookup(kResourceActionNames, action); }
std::optional<OrderAction> OrderActionByName(std::string_view name) {
  return Find<OrderAction>(kOrderActionNames, name);
}
std::optional<ResourceAction> ResourceActionByName(std::string_view name) {
  return Find<ResourceAction>(kResourceActionNames, name);
}
std::span<const OrderAction> ListedOrderActions() { return kListedOrderActions; }
std::span<const ResourceAction> ListedResourceActions() { return kListedResourceActions; }

}  // namespace orderly::domain
