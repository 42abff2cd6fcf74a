#pragma once

#include <functional>
#include <vector>

#include "store/callback_repository.hpp"
#include "store/customer_repository.hpp"
#include "store/event_repository.hpp"
#include "store/job_repository.hpp"
#include "store/job_signal.hpp"
#include "store/login_failure_repository.hpp"
#include "store/offering_repository.hpp"
#include "store/order_repository.hpp"
#include "store/project_repository.hpp"
#include "store/resource_repository.hpp"
#include "store/role_repository.hpp"
#include "store/sql/connection.hpp"
#include "store/statistics_repository.hpp"
#include "store/support_repository.hpp"
#include "store/user_repository.hpp"

namespace orderly::store {

// One unit of work: every repository reached through it shares the same database transaction.
class Transaction {
 public:
  // `jobs_queued` (may be null) is announced after the commit of a transaction that queued a job.
  Transaction(sql::Connection& connection, bool write, PermissionCache* permissions = nullptr,
              JobSignal* jobs_queued = nullptr);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void Commit();
  // Runs `effect` once the transaction has committed (not when it rolls back, nor for an attempt
  // that lost a serialization conflict): for what must not be announced before it is true, such
  // as a transition's log line or a wake-up for workers. A throwing `effect` is ignored.
  void AfterCommit(std::function<void()> effect) { after_commit_.push_back(std::move(effect)); }

  UserRepository Users() { return UserRepository(connection_); }
  CustomerRepository Customers() { return CustomerRepository(connection_); }
  ProjectRepository Projects() { return ProjectRepository(connection_); }
  OfferingRepository Offerings() { return OfferingRepository(connection_); }
  RoleRepository Roles() { return RoleRepository(connection_, permissions_, roles_changed_); }
  OrderRepository Orders() { return OrderRepository(connection_); }
  ResourceRepository Resources() { return ResourceRepository(connection_); }
  EventRepository Events() { return EventRepository(connection_); }
  JobRepository Jobs() {
    return JobRepository(connection_, [this] { AnnounceJobAfterCommit(); });
  }
  SupportRepository Support() { return SupportRepository(connection_); }
  StatisticsRepository Statistics() { return StatisticsRepository(connection_); }
  CallbackRepository Callbacks() { return CallbackRepository(connection_); }
  LoginFailureRepository LoginFailures() { return LoginFailureRepository(connection_); }

 private:
  void AnnounceJobAfterCommit();

  sql::Connection& connection_;
  PermissionCache* permissions_;
  JobSignal* jobs_queued_;
  bool job_announced_ = false;
  bool roles_changed_ = false;
  std::vector<std::function<void()>> after_commit_;
  bool open_ = true;
};

}  // namespace orderly::store
