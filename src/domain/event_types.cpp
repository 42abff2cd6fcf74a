#include "domain/event_types.hpp"

namespace orderly::domain {

std::string_view OrderEventType(OrderState reached) {
  switch (reached) {
    case OrderState::kExecuting: return "marketplace_order_approved";
    case OrderState::kRejected: return "marketplace_order_rejected";
    case OrderState::kDone: return "marketplace_order_completed";
    case OrderState::kCanceled: return "marketplace_order_terminated";
    case OrderState::kErred: return "marketplace_order_failed";
    default: return "marketplace_order_state_changed";
  }
}

std::string ResourceEventType(OrderOutcome outcome, OrderType type) {
  const char* verb = type == OrderType::kCreate ? "create" : type == OrderType::kUpdate ? "update" : "terminate";
  const char* result = "state_changed";
  switch (outcome) {
    case OrderOutcome::kCreated: result = "requested"; break;
    case OrderOutcome::kDone: result = "succeeded"; break;
    case OrderOutcome::kProcessorFailed:
    case OrderOutcome::kMarkedErred: result = "failed"; break;
    case OrderOutcome::kRejected:
    case OrderOutcome::kCanceled: result = "canceled"; break;
    case OrderOutcome::kRetried: result = "retried"; break;
  }
  return std::string("marketplace_resource_") + verb + "_" + result;
}

}  // namespace orderly::domain
