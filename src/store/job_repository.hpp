#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "domain/job.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

class JobRepository {
 public:
  // `queued` is told of every job inserted (the transaction wakes idle workers once it commits).
  JobRepository(sql::Connection& connection, std::function<void()> queued)
      : db_(connection), queued_(std::move(queued)) {}

  void Enqueue(domain::Id order_id, const std::string& order_uuid, const std::string& now);
  // Queues a pull of the order's backend unless one is already waiting; true when it queued one.
  bool EnqueuePull(domain::Id order_id, const std::string& order_uuid, const std::string& now);
  // Jobs of the order that are queued or running.
  std::int64_t CountOpen(domain::Id order_id);
  // Takes the oldest job that is due, or whose holder's lease ran out, for `owner` until
  // `lease_until`. Call inside a write transaction so two workers never take the same job.
  std::optional<domain::Job> Claim(const std::string& owner, const std::string& now,
                                   const std::string& lease_until);
  // Each returns false when `owner` no longer holds the job (its lease ran out and another took
  // it).
  bool Renew(domain::Id job_id, const std::string& owner, const std::string& lease_until);
  bool Finish(domain::Id job_id, const std::string& owner, domain::JobState final_state,
              const std::string& now, const std::string& error);
  bool Reschedule(domain::Id job_id, const std::string& owner, const std::string& run_after,
                  const std::string& error);
  std::map<std::string, std::int64_t> CountByState();

 private:
  sql::Connection& db_;
  std::function<void()> queued_;
};

}  // namespace orderly::store
