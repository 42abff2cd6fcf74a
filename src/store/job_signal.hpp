#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace orderly::store {

// Tells idle workers of this process that a job was committed to the queue, so that they claim
// it at once instead of at their next poll (which stays, for jobs queued by other processes and
// for retries that come due). The job repository announces every job it inserts once the
// inserting transaction has committed: woken earlier, a worker finds nothing and sleeps its
// whole poll.
class JobSignal {
 public:
  // How many announcements so far; a worker takes it before it looks for a job.
  std::uint64_t Announced();
  void Announce();
  // Returns once an announcement after `seen` was made (at once when one already was), or after
  // `at_most`. `seen` taken before the worker's last look means a job committed between that look
  // and this wait is not slept through.
  void WaitPast(std::uint64_t seen, std::chrono::milliseconds at_most);
  // Wakes every waiter at once (a pool that stops does not wait out its workers' polls).
  void WakeAll();
  // How many are in WaitPast right now: lets a test queue a job only once a worker sleeps.
  int Waiters();

 private:
  std::mutex mutex_;
  std::condition_variable announced_;
  std::uint64_t count_ = 0;
  int waiters_ = 0;
};

}  // namespace orderly::store
