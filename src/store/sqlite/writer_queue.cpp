#include "store/sqlite/writer_queue.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace orderly::store::sqlite {

void WriterQueue::Enter(std::chrono::milliseconds patience) {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  waiting_.push_back(ticket);
  const bool my_turn =
      turn_.wait_for(lock, patience, [&] { return !held_ && waiting_.front() == ticket; });
  if (!my_turn) {
    waiting_.erase(std::ranges::find(waiting_, ticket));
    lock.unlock();
    turn_.notify_all();  // the one behind may be first now
    throw std::runtime_error("database is locked: no turn to write within " +
                             std::to_string(patience.count()) + " ms");
  }
  waiting_.pop_front();
  held_ = true;
}

void WriterQueue::Leave() {
  {
    std::lock_guard lock(mutex_);
    held_ = false;
  }
  turn_.notify_all();
}

std::size_t WriterQueue::Waiting() {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

}  // namespace orderly::store::sqlite
