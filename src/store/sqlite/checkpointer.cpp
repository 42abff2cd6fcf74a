#include "store/sqlite/checkpointer.hpp"

namespace orderly::store::sqlite {

Checkpointer::Checkpointer(std::string path) : path_(std::move(path)), thread_([this] { Run(); }) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void Checkpointer::WalGrew(int pages) {
  if (pages < kPagesBeforeCheckpoint) return;
  {
    std::lock_guard lock(mutex_);
    requested_ = true;
  }
  wake_.notify_one();
}

std::uint64_t Checkpointer::Completed() {
  std::lock_guard lock(mutex_);
  return completed_;
}

void Checkpointer::Run() {
  sqlite3* db = nullptr;
  // Opened lazily, on the first request: a store that is opened and closed at once (tests,
  // migrate-store) never pays for it.
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return requested_ || stopping_; });
    if (stopping_) break;
    requested_ = false;
    lock.unlock();
    if (db == nullptr &&
        sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
            SQLITE_OK) {
      sqlite3_close(db);
      db = nullptr;
    }
    if (db != nullptr) {
      // A PASSIVE checkpoint copies what no reader still needs and gives up on the rest; the next
      // commit past the threshold asks again. Failure (busy) only means "later".
      sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    lock.lock();
    ++completed_;
  }
  lock.unlock();
  sqlite3_close(db);
}

}  // namespace orderly::store::sqlite
