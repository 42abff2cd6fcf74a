#include "store/transaction.hpp"

namespace orderly::store {

Transaction::Transaction(sql::Connection& connection, bool write, PermissionCache* permissions,
                         JobSignal* jobs_queued)
    : connection_(connection), permissions_(permissions), jobs_queued_(jobs_queued) {
  connection_.Begin(write);
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    connection_.Rollback();
  } catch (...) {
    // The connection is unusable anyway; the next Begin reports the problem.
  }
}

void Transaction::Commit() {
  connection_.Commit();
  open_ = false;
  for (auto& effect : after_commit_) {
    try {
      effect();
    } catch (...) {
      // Committed is committed: a failed announcement or wake-up does not undo the use case.
    }
  }
}

// Every place that queues a job goes through the job repository, so none can forget the wake-up;
// one announcement per transaction, however many jobs it queued.
void Transaction::AnnounceJobAfterCommit() {
  if (jobs_queued_ == nullptr || job_announced_) return;
  job_announced_ = true;
  AfterCommit([signal = jobs_queued_] { signal->Announce(); });
}

}  // namespace orderly::store
