#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "service/context.hpp"

namespace orderly::processing::callbacks {

struct CallbackSenderOptions {
  std::chrono::seconds timeout{5};  // per POST: connect, write and read each
  int lease_seconds = 30;           // a sender that died mid-POST leaves it to another after this
  std::chrono::milliseconds idle_poll{250};
};

// One thread that drains the callback outbox: POST (no body) to each order's callback_url,
// outside any transaction, with bounded retries. A slow or dead receiver delays only other
// callbacks, never an order.
class CallbackSender {
 public:
  CallbackSender(service::Context& context, CallbackSenderOptions options);
  ~CallbackSender();  // finishes the POST in flight, joins
  CallbackSender(const CallbackSender&) = delete;
  CallbackSender& operator=(const CallbackSender&) = delete;

 private:
  void Loop();

  service::Context& context_;
  CallbackSenderOptions options_;
  std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace orderly::processing::callbacks
