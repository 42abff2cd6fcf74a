#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/connection_pool.hpp"
#include "store/transaction.hpp"

namespace orderly::store {

// Opens the database named by a URL (`sqlite:PATH`), migrates it, and hands out transactions.
class Store {
 public:
  static std::unique_ptr<Store> Open(const std::string& url, int connections);

  explicit Store(std::unique_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}

  // Runs `work` in one transaction: committed when it returns, rolled back when it throws.
  template <typename Work>
  auto Write(Work&& work) {
    return Run(true, std::forward<Work>(work));
  }
  template <typename Work>
  auto Read(Work&& work) {
    return Run(false, std::forward<Work>(work));
  }

  // True when a trivial query succeeds.
  bool Ping();
  std::string_view Engine() const { return pool_->Engine(); }
  ConnectionPool::Usage PoolUsage() { return pool_->CurrentUsage(); }

 private:
  template <typename Work>
  auto Run(bool write, Work&& work) {
    auto lease = pool_->Acquire();
    Transaction transaction(*lease, write);
    if constexpr (std::is_void_v<decltype(work(transaction))>) {
      work(transaction);
      transaction.Commit();
    } else {
      auto result = work(transaction);
      transaction.Commit();
      return result;
    }
  }

  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace orderly::store
