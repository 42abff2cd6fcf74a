#include "store/job_signal.hpp"

namespace orderly::store {

std::uint64_t JobSignal::Announced() {
  std::lock_guard lock(mutex_);
  return count_;
}

void JobSignal::Announce() {
  {
    std::lock_guard lock(mutex_);
    ++count_;
  }
  announced_.notify_one();
}

void JobSignal::WaitPast(std::uint64_t seen, std::chrono::milliseconds at_most) {
  std::unique_lock lock(mutex_);
  ++waiters_;
  announced_.wait_for(lock, at_most, [&] { return count_ != seen; });
  --waiters_;
}

void JobSignal::WakeAll() {
  {
    std::lock_guard lock(mutex_);
    ++count_;
  }
  announced_.notify_all();
}

int JobSignal::Waiters() {
  std::lock_guard lock(mutex_);
  return waiters_;
}

}  // namespace orderly::store
