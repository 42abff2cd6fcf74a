#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "service/context.hpp"

namespace orderly::processing {

// Runs the periodic jobs every `interval` until destroyed. Every node (`serve` and `worker`) has
// one; a tick while another node is running them is skipped, so they never run twice at once.
class PeriodicRunner {
 public:
  PeriodicRunner(service::Context& context, std::chrono::seconds interval);
  ~PeriodicRunner();
  PeriodicRunner(const PeriodicRunner&) = delete;
  PeriodicRunner& operator=(const PeriodicRunner&) = delete;

 private:
  void Loop(service::Context& context, std::chrono::seconds interval);

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace orderly::processing
