#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "store/connection_pool.hpp"
#include "store/permission_cache.hpp"
#include "store/transaction.hpp"

namespace orderly::store {

// Opens the database named by a URL (`sqlite:PATH` or `postgresql://...`), migrates it, and
// hands out transactions.
class Store {
 public:
  static std::unique_ptr<Store> Open(const std::string& url, int connections);
  // One bare connection to the database named by `url`, without migrating it.
  static std::unique_ptr<sql::Connection> Connect(const std::string& url);

  explicit Store(std::unique_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}

  // Runs `work` in one transaction: committed when it returns, rolled back when it throws. When
  // the engine aborts the transaction for a conflict with a concurrent one (PostgreSQL,
  // SERIALIZABLE), `work` runs again from the start on a fresh transaction, so it must not keep
  // effects outside the transaction between attempts.
  template <typename Work>
  auto Write(Work&& work) {
    for (int attempt = 1;; ++attempt) {
      try {
        return RunOnce(true, work);
      } catch (const sql::SerializationFailure&) {
        if (attempt >= kMaxWriteAttempts) throw;
        BackOff(attempt);
      }
    }
  }
  template <typename Work>
  auto Read(Work&& work) {
    return RunOnce(false, work);
  }

  // A lock named by `key` that one holder at a time may have across every process on the
  // database (PostgreSQL advisory lock; in-process on SQLite). Released when the result dies.
  class NamedLock;
  std::unique_ptr<NamedLock> TryLock(std::int64_t key);

  // True when a trivial query succeeds.
  bool Ping();
  std::string_view Engine() const { return pool_->Engine(); }
  ConnectionPool::Usage PoolUsage() { return pool_->CurrentUsage(); }
  // Announced after every commit that queued a job in this process: idle workers wait on it.
  JobSignal& QueuedJobs() { return jobs_queued_; }

  static constexpr int kMaxWriteAttempts = 30;

 private:
  template <typename Work>
  auto RunOnce(bool write, Work& work) {
    auto lease = pool_->Acquire();
    Transaction transaction(*lease, write, &permissions_, &jobs_queued_);
    if constexpr (std::is_void_v<decltype(work(transaction))>) {
      work(transaction);
      transaction.Commit();
    } else {
      auto result = work(transaction);
      transaction.Commit();
      return result;
    }
  }
  // Sleeps a random, growing while so that conflicting writers do not collide again in step.
  static void BackOff(int attempt);

  std::unique_ptr<ConnectionPool> pool_;
  PermissionCache permissions_;
  JobSignal jobs_queued_;
};

class Store::NamedLock {
 public:
  NamedLock(ConnectionPool::Lease lease, std::int64_t key, std::string release_sql);
  ~NamedLock();
  NamedLock(const NamedLock&) = delete;
  NamedLock& operator=(const NamedLock&) = delete;

 private:
  std::optional<ConnectionPool::Lease> lease_;
  std::int64_t key_;
  std::string release_sql_;
};

}  // namespace orderly::store
