#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace orderly::store::sqlite {

// Moves WAL checkpoints off the request path. SQLite's automatic checkpoint runs inside the
// COMMIT that crosses 1000 WAL pages, so that request pays for copying the pages and syncing the
// database file (50-70 ms here). The connections of this process register a WAL hook instead
// (which turns their automatic checkpoint off) and ask this thread, which runs a PASSIVE
// checkpoint on its own connection: it never blocks writers or readers.
class Checkpointer {
 public:
  static constexpr int kPagesBeforeCheckpoint = 1000;  // SQLite's own default

  explicit Checkpointer(std::string path);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Called after a commit with the WAL's length in pages; wakes the thread past the threshold.
  void WalGrew(int pages);
  // How many checkpoints this thread has run (for tests and diagnostics).
  std::uint64_t Completed();

 private:
  void Run();

  std::string path_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool requested_ = false;
  bool stopping_ = false;
  std::uint64_t completed_ = 0;
  std::thread thread_;
};

}  // namespace orderly::store::sqlite
