#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>

namespace orderly::store::sqlite {

// The writers of one database file in this process take turns here, in arrival order, before
// `BEGIN IMMEDIATE`. SQLite's own busy handler sleeps and polls (1, 2, 5 ... 100 ms) and lets
// whoever polls last win, which gave the write path tails of seconds; a queue wakes the next
// writer when the lock frees. Other processes on the file still meet SQLite's busy timeout.
class WriterQueue {
 public:
  // Waits for this caller's turn; throws when it has not come within `patience` (as SQLite's
  // busy timeout would), so a writer never waits forever.
  void Enter(std::chrono::milliseconds patience);
  void Leave();
  // How many wait for their turn (for tests and diagnostics).
  std::size_t Waiting();

 private:
  std::mutex mutex_;
  std::condition_variable turn_;
  std::deque<std::uint64_t> waiting_;
  std::uint64_t next_ticket_ = 0;
  bool held_ = false;
};

}  // namespace orderly::store::sqlite
