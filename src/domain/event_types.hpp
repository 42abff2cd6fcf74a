#pragma once

#include <string>
#include <string_view>

#include "domain/lifecycle.hpp"
#include "domain/order.hpp"

namespace orderly::domain {

// Event names of processing.md §11 where it gives them.
std::string_view OrderEventType(OrderState reached);
std::string ResourceEventType(OrderOutcome outcome, OrderType type);

inline constexpr std::string_view kOrderCreatedEvent = "marketplace_order_created";
inline constexpr std::string_view kOrderRetriedEvent = "marketplace_order_retried";
inline constexpr std::string_view kOrderUnlinkedEvent = "marketplace_order_unlinked";
inline constexpr std::string_view kOrderUpdatedEvent = "marketplace_order_updated";
inline constexpr std::string_view kOrderDeletedEvent = "marketplace_order_deleted";
inline constexpr std::string_view kOrderBackendIdEvent = "marketplace_order_backend_id_set";
inline constexpr std::string_view kResourceStateSetEvent = "marketplace_resource_state_changed";
inline constexpr std::string_view kResourceErredEvent = "marketplace_resource_erred_on_backend";
inline constexpr std::string_view kResourceUnlinkedEvent = "marketplace_resource_unlinked";
inline constexpr std::string_view kResourceUpdatedEvent = "marketplace_resource_updated";
// Written once per stuck episode: a resource Creating/Updating/Terminating longer than
// --stuck-after.
inline constexpr std::string_view kResourceStuckEvent = "marketplace_resource_stuck";
// Login abuse (issue 9), scope "user": every failed POST /api-auth/password/, and the failure
// that locks the username out (docs/decisions.md).
inline constexpr std::string_view kLoginFailedEvent = "auth_login_failed";
inline constexpr std::string_view kLoginLockedOutEvent = "auth_login_locked_out";

}  // namespace orderly::domain
