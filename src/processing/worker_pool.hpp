#pragma once

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "processing/registry.hpp"
#include "service/context.hpp"

namespace orderly::processing {

struct WorkerOptions {
  int workers = 1;
  // A worker renews its lease every third of this; a job whose worker died is claimed again
  // once the lease has run out.
  int lease_seconds = 15;
  std::chrono::milliseconds idle_poll{250};
};

// Threads that claim jobs from the durable queue and run them through the registry's processors.
class WorkerPool {
 public:
  WorkerPool(service::Context& context, Registry& registry, WorkerOptions options);
  ~WorkerPool();  // stops claiming, lets running jobs finish, joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

 private:
  void Loop(const std::string& worker);
  void RunJob(const domain::Job& job, const std::string& worker);

  service::Context& context_;
  Registry& registry_;
  WorkerOptions options_;
  std::atomic<bool> stopping_{false};
  std::vector<std::thread> threads_;
};

}  // namespace orderly::processing
