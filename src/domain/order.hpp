#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/enum_table.hpp"
#include "domain/ids.hpp"

namespace orderly::domain {

enum class OrderType { kCreate, kUpdate, kTerminate };

enum class OrderState {
  kPendingConsumer,
  kPendingProvider,
  kPendingProject,
  kPendingStartDate,
  kExecuting,
  kDone,
  kErred,
  kCanceled,
  kRejected,
};

enum class ResourceState { kCreating, kOk, kErred, kUpdating, kTerminating, kTerminated };

// Waldur's numeric codes (domain.md §1) and API names.
std::span<const EnumEntry<OrderType>> OrderTypes();
std::span<const EnumEntry<OrderState>> OrderStates();
std::span<const EnumEntry<ResourceState>> ResourceStates();

std::string_view NameOf(OrderType type);
std::string_view NameOf(OrderState state);
std::string_view NameOf(ResourceState state);
int CodeOf(OrderType type);
int CodeOf(OrderState state);
int CodeOf(ResourceState state);

// domain.md §1.2: done, erred, canceled and rejected end an order (the `terminal` column of
// OrderStateRules(), state_rules.hpp).
bool IsTerminal(OrderState state);
// An order in one of these blocks a new order for the same resource. Waldur checks only
// pending-consumer, pending-provider and executing (domain.md §9 calls that possibly unintended);
// we block on every open order (docs/decisions.md).
bool BlocksNewOrder(OrderState state);

// The value of attributes.action that asks staff termination to skip provider-side cleanup.
inline constexpr std::string_view kForceDestroy = "force_destroy";

struct Order {
  Id id = 0;
  Uuid uuid;
  OrderType type = OrderType::kCreate;
  OrderState state = OrderState::kPendingConsumer;
  Id project_id = 0;
  Id resource_id = 0;
  Id offering_id = 0;
  std::optional<Id> plan_id;
  std::optional<Id> old_plan_id;
  nlohmann::json limits = nlohmann::json::object();
  nlohmann::json attributes = nlohmann::json::object();
  std::string cost;  // decimal text, empty when unknown
  std::string backend_id;
  std::string error_message;
  std::string error_traceback;
  std::string output;
  std::string created;
  std::string modified;
  std::optional<Id> created_by;
  std::optional<Id> consumer_reviewed_by;
  std::optional<std::string> consumer_reviewed_at;
  std::optional<Id> provider_reviewed_by;
  std::optional<std::string> provider_reviewed_at;
  std::optional<std::string> callback_url;
  std::optional<std::string> termination_comment;
  std::optional<std::string> completed_at;
  std::optional<std::string> start_date;
  std::optional<std::string> request_comment;
  std::string consumer_rejection_comment;
  std::string provider_rejection_comment;

  bool IsForceDestroy() const {
    return type == OrderType::kTerminate && attributes.is_object() &&
           attributes.value("action", "") == kForceDestroy;
  }
};

struct Resource {
  Id id = 0;
  Uuid uuid;
  std::string name;
  std::string description;
  ResourceState state = ResourceState::kCreating;
  Id project_id = 0;
  Id offering_id = 0;
  std::optional<Id> plan_id;
  nlohmann::json limits = nlohmann::json::object();
  nlohmann::json attributes = nlohmann::json::object();
  std::string cost;
  std::optional<std::string> end_date;
  std::string backend_id;
  nlohmann::json backend_metadata = nlohmann::json::object();
  std::string error_message;
  std::string error_traceback;
  std::string created;
  std::string modified;
};

}  // namespace orderly::domain
