#include "processing/worker_pool.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>

#include "service/secrets.hpp"

namespace orderly::processing {
namespace {

// Renews the job's lease in the background while the processor runs.
class LeaseKeeper {
 public:
  LeaseKeeper(service::Context& context, const domain::Job& job, const std::string& worker,
              int lease_seconds)
      : thread_([this, &context, job, worker, lease_seconds] {
          std::unique_lock lock(mutex_);
          while (!done_cv_.wait_for(lock, std::chrono::seconds(std::max(1, lease_seconds / 3)),
                                    [this] { return done_; })) {
            lock.unlock();
            try {
              if (!service::RenewJob(context, job, worker, lease_seconds)) {
                spdlog::warn("worker {} lost the lease of job {}", worker, job.id);
              }
            } catch (const std::exception& error) {
              spdlog::warn("renewing the lease of job {} failed: {}", job.id, error.what());
            }
            lock.lock();
          }
        }) {}
  ~LeaseKeeper() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    done_cv_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace

WorkerPool::WorkerPool(service::Context& context, Registry& registry, WorkerOptions options)
    : context_(context), registry_(registry), options_(options) {
  // Worker names are unique across processes and restarts, so a lease is never mistaken for
  // another's.
  const std::string prefix =
      "pid" + std::to_string(getpid()) + "-" + service::NewUuid().substr(0, 8);
  for (int i = 0; i < options_.workers; ++i) {
    threads_.emplace_back([this, name = prefix + "-w" + std::to_string(i)] { Loop(name); });
  }
}

WorkerPool::~WorkerPool() {
  stopping_ = true;
  // After stopping_: a worker that counted announcements before this one returns from its wait at
  // once, and one that counted after it sees stopping_.
  context_.store.QueuedJobs().WakeAll();
  for (auto& thread : threads_) thread.join();
}

void WorkerPool::Loop(const std::string& worker) {
  while (true) {
    std::optional<domain::Job> job;
    const auto queued_before_claim = context_.store.QueuedJobs().Announced();
    if (stopping_) return;
    try {
      job = service::ClaimJob(context_, worker, options_.lease_seconds);
    } catch (const std::exception& error) {
      spdlog::error("worker {} could not claim a job: {}", worker, error.what());
    }
    if (!job) {
      context_.store.QueuedJobs().WaitPast(queued_before_claim, options_.idle_poll);
      continue;
    }
    RunJob(*job, worker);
  }
}

void WorkerPool::RunJob(const domain::Job& job, const std::string& worker) {
  try {
    const auto input = service::StartJob(context_, job, worker);
    if (!input) return;
    service::ProcessingResult result;
    {
      LeaseKeeper lease(context_, job, worker, options_.lease_seconds);
      try {
        auto& processor = registry_.For(input->offering.type);
        result = input->kind == domain::JobKind::kPull ? processor.Follow(*input)
                                                       : processor.Process(*input);
      } catch (const std::exception& error) {
        result = service::ProcessingResult{
            .error_message = error.what(),
            .error_traceback = std::string("processor raised: ") + error.what()};
      }
    }
    // The job's transitions are logged with the job as their cause.
    service::Context job_context = context_;
    job_context.request_id = "job-" + std::to_string(job.id);
    service::FinishJob(job_context, job, worker, result);
    registry_.For(input->offering.type).Forget(*input);
  } catch (const std::exception& error) {
    // The job stays leased; once the lease runs out another worker takes it again.
    spdlog::error("worker {} failed on job {}: {}", worker, job.id, error.what());
  }
}

}  // namespace orderly::processing
