#include "domain/order.hpp"

#include <array>

namespace orderly::domain {
namespace {

constexpr std::array<EnumEntry<OrderType>, 3> kOrderTypes{{
    {OrderType::kCreate, 1, "Create"},
    {OrderType::kUpdate, 2, "Update"},
    {OrderType::kTerminate, 3, "Terminate"},
}};

constexpr std::array<EnumEntry<OrderState>, 9> kOrderStates{{
    {OrderState::kPendingConsumer, 1, "pending-consumer"},
    {OrderState::kPendingProvider, 7, "pending-provider"},
    {OrderState::kPendingProject, 8, "pending-project"},
    {OrderState::kPendingStartDate, 9, "pending-start-date"},
    {OrderState::kExecuting, 2, "executing"},
    {OrderState::kDone, 3, "done"},
    {OrderState::kErred, 4, "erred"},
    {OrderState::kCanceled, 5, "canceled"},
    {OrderState::kRejected, 6, "rejected"},
}};

constexpr std::array<EnumEntry<ResourceState>, 6> kResourceStates{{
    {ResourceState::kCreating, 1, "Creating"},
    {ResourceState::kOk, 2, "OK"},
    {ResourceState::kErred, 3, "Erred"},
    {ResourceState::kUpdating, 4, "Updating"},
    {ResourceState::kTerminating, 5, "Terminating"},
    {ResourceState::kTerminated, 6, "Terminated"},
}};

}  // namespace

std::span<const EnumEntry<OrderType>> OrderTypes() { return kOrderTypes; }
std::span<const EnumEntry<OrderState>> OrderStates() { return kOrderStates; }
std::span<const EnumEntry<ResourceState>> ResourceStates() { return kResourceStates; }

std::string_view NameOf(OrderType type) { return EnumEntryOf(OrderTypes(), type).name; }
std::string_view NameOf(OrderState state) { return EnumEntryOf(OrderStates(), state).name; }
std::string_view NameOf(ResourceState state) { return EnumEntryOf(ResourceStates(), state).name; }
int CodeOf(OrderType type) { return EnumEntryOf(OrderTypes(), type).code; }
int CodeOf(OrderState state) { return EnumEntryOf(OrderStates(), state).code; }
int CodeOf(ResourceState state) { return EnumEntryOf(ResourceStates(), state).code; }

}  // namespace orderly::domain
