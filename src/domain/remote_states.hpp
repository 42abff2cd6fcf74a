#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "domain/order.hpp"

namespace orderly::domain {

// processing.md §9.4 LOGICAL_LOCAL_ORDER_STATES_MAP: the state a local Remote order takes when
// its order at the remote instance is in `remote`.
struct RemoteStateMapping {
  OrderState remote;
  OrderState local;
};

std::span<const RemoteStateMapping> RemoteStateMappings();

// The local state for a remote state name; nothing for pending-project, pending-start-date and
// names we do not know ("The order in remote Waldur has unexpected state ...").
std::optional<OrderState> LocalStateForRemote(std::string_view remote_state_name);

}  // namespace orderly::domain
