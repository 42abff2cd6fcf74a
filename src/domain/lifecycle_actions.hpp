#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace orderly::domain {

// Everything a user or a worker can do to an order, named as in the API paths.
enum class OrderAction {
  kApproveByConsumer,
  kRejectByConsumer,
  kApproveByProvider,
  kRejectByProvider,
  kCancel,
  kSetStateExecuting,
  kSetStateDone,
  kSetStateErred,
  kRetry,
  kUnlink,
  kCancelTermination,
  kSetBackendId,
  kUpdate,   // PATCH
  kDestroy,  // DELETE
};

enum class ResourceAction {
  kTerminate,
  kForceDestroy,
  kSwitchPlan,
  kUpdateLimits,
  kSetStateOk,
  kSetAsOk,
  kSetAsErred,
  kUnlink,
  kSetBackendId,
  kSetLimits,
  kSetBackendMetadata,
  kUpdate,  // PATCH name, description, end_date
};

std::string_view NameOf(OrderAction action);
std::string_view NameOf(ResourceAction action);
std::optional<OrderAction> OrderActionByName(std::string_view name);
std::optional<ResourceAction> ResourceActionByName(std::string_view name);

// The actions listed in available_actions (spec clarification 8), in that order.
std::span<const OrderAction> ListedOrderActions();
std::span<const ResourceAction> ListedResourceActions();

}  // namespace orderly::domain
