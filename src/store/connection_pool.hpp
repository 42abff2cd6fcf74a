#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sql/connection.hpp"

namespace orderly::store {

// A fixed set of connections shared by the request threads; Acquire waits for a free one.
class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<sql::Connection>()>;

  ConnectionPool(Factory factory, int size);

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<sql::Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (connection_) pool_->Release(std::move(connection_));
    }
    sql::Connection& operator*() { return *connection_; }
    sql::Connection* operator->() { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<sql::Connection> connection_;
  };

  Lease Acquire();
  std::string_view Engine() const { return engine_; }

  struct Usage {
    int size = 0;
    int in_use = 0;
    std::int64_t waits = 0;  // acquisitions that found no idle connection
  };
  Usage CurrentUsage();

 private:
  void Release(std::unique_ptr<sql::Connection> connection);

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<sql::Connection>> idle_;
  std::string engine_;
  int size_ = 0;
  std::int64_t waits_ = 0;
};

}  // namespace orderly::store
