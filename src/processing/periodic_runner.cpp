#include "processing/periodic_runner.hpp"

#include <spdlog/spdlog.h>

#include "service/orders/periodic_jobs.hpp"

namespace orderly::processing {

PeriodicRunner::PeriodicRunner(service::Context& context, std::chrono::seconds interval)
    : thread_([this, &context, interval] { Loop(context, interval); }) {}

PeriodicRunner::~PeriodicRunner() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void PeriodicRunner::Loop(service::Context& shared, std::chrono::seconds interval) {
  // What the periodic jobs change is logged with this as its cause.
  service::Context context = shared;
  context.request_id = "periodic";
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
    lock.unlock();
    try {
      const auto report = service::TryRunPeriodicJobs(context);
      if (report && report->pending_project_released + report->pending_start_date_released > 0) {
        spdlog::info("periodic jobs released {} pending-project and {} pending-start-date orders",
                     report->pending_project_released, report->pending_start_date_released);
      }
    } catch (const std::exception& error) {
      spdlog::error("periodic jobs failed: {}", error.what());
    }
    lock.lock();
  }
}

}  // namespace orderly::processing
