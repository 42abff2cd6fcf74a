#include "service/orders/outgoing_callbacks.hpp"

#include <algorithm>

#include "domain/dates.hpp"
#include "service/orders/workflow.hpp"

namespace orderly::service {
namespace {

constexpr std::string_view kCallbackAbandonedEvent = "marketplace_order_callback_failed";

// 2, 4, 8, 16 seconds between attempts.
int BackoffSeconds(int attempts) { return std::min(60, 1 << std::min(attempts, 6)); }

}  // namespace

std::optional<store::OutgoingCallback> ClaimCallback(Context& context, int lease_seconds) {
  return context.store.Write([&](store::Transaction& tx) {
    const std::string now = context.clock.Now();
    return tx.Callbacks().Claim(now, domain::AddSeconds(now, lease_seconds));
  });
}

void CallbackDelivered(Context& context, const store::OutgoingCallback& callback) {
  context.store.Write([&](store::Transaction& tx) { tx.Callbacks().MarkSent(callback.id); });
}

void CallbackFailed(Context& context, const store::OutgoingCallback& callback,
                    const std::string& error, bool retryable) {
  context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, nullptr);
    if (retryable && callback.attempts < kMaxCallbackAttempts) {
      tx.Callbacks().Reschedule(
          callback.id, domain::AddSeconds(workflow.now(), BackoffSeconds(callback.attempts)),
          error);
      return;
    }
    tx.Callbacks().MarkAbandoned(callback.id, error);
    workflow.LogOrder(callback.order_uuid, kCallbackAbandonedEvent,
                      "Gave up posting the callback after " + std::to_string(callback.attempts) +
                          " attempts: " + error,
                      {{"callback_url", callback.url}, {"error_message", error}});
  });
}

}  // namespace orderly::service
