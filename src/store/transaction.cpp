#include "store/transaction.hpp"

namespace orderly::store {

Transaction::Transaction(sql::Connection& connection, bool write, PermissionCache* permissions)
    : connection_(connection), permissions_(permissions) {
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

}  // namespace orderly::store
