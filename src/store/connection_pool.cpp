#include "store/connection_pool.hpp"

namespace orderly::store {

ConnectionPool::ConnectionPool(Factory factory, int size) {
  for (int i = 0; i < size; ++i) idle_.push_back(factory());
  size_ = size;
  engine_ = std::string(idle_.front()->Engine());
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  if (idle_.empty()) ++waits_;
  available_.wait(lock, [this] { return !idle_.empty(); });
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(connection));
}

void ConnectionPool::Release(std::unique_ptr<sql::Connection> connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  available_.notify_one();
}

ConnectionPool::Usage ConnectionPool::CurrentUsage() {
  std::lock_guard lock(mutex_);
  return Usage{.size = size_, .in_use = size_ - static_cast<int>(idle_.size()), .waits = waits_};
}

}  // namespace orderly::store
