#include "processing/callbacks/callback_sender.hpp"

#include <spdlog/spdlog.h>

#include "processing/backend_http/backend_client.hpp"
#include "service/orders/outgoing_callbacks.hpp"

namespace orderly::processing::callbacks {
namespace {

struct Delivery {
  std::string error;       // empty: the receiver answered 2xx
  bool retryable = false;  // unreachable, time-out, 5xx; a 4xx will not change by asking again
};

Delivery Post(const std::string& url, std::chrono::seconds timeout) {
  try {
    backend_http::BackendClient client(url, timeout);
    const auto response =
        client.Send({.method = "POST", .path = "", .headers = {}, .body = std::nullopt});
    if (response.status >= 200 && response.status < 300) return {};
    return {.error = "answered " + std::to_string(response.status), .retryable = false};
  } catch (const backend_http::BackendError& error) {
    return {.error = error.what(), .retryable = error.Transient()};
  }
}

}  // namespace

CallbackSender::CallbackSender(service::Context& context, CallbackSenderOptions options)
    : context_(context), options_(options), thread_([this] { Loop(); }) {}

CallbackSender::~CallbackSender() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

void CallbackSender::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    bool sent_one = false;
    try {
      if (const auto callback = service::ClaimCallback(context_, options_.lease_seconds)) {
        sent_one = true;
        const Delivery delivery = Post(callback->url, options_.timeout);
        if (delivery.error.empty()) {
          service::CallbackDelivered(context_, *callback);
        } else {
          spdlog::warn("callback for order {} failed (attempt {}): {}", callback->order_uuid,
                       callback->attempts, delivery.error);
          service::CallbackFailed(context_, *callback, delivery.error, delivery.retryable);
        }
      }
    } catch (const std::exception& error) {
      spdlog::error("callback sender: {}", error.what());
    }
    lock.lock();
    if (!sent_one) stop_cv_.wait_for(lock, options_.idle_poll, [this] { return stopping_; });
  }
}

}  // namespace orderly::processing::callbacks
