#pragma once

#include <optional>
#include <string>

#include "service/context.hpp"
#include "store/callback_repository.hpp"

namespace orderly::service {

// A callback_url is posted at most this many times (processing.md §9.4 trigger_order_callback;
// bounded so that a dead receiver costs little).
inline constexpr int kMaxCallbackAttempts = 5;

// The sender's side of the callback outbox (store/callback_repository.hpp); each call is one
// transaction.
std::optional<store::OutgoingCallback> ClaimCallback(Context& context, int lease_seconds);
void CallbackDelivered(Context& context, const store::OutgoingCallback& callback);
// Queued again with backoff while attempts remain and the failure is worth another try;
// otherwise abandoned, with an event on the order.
void CallbackFailed(Context& context, const store::OutgoingCallback& callback,
                    const std::string& error, bool retryable);

}  // namespace orderly::service
