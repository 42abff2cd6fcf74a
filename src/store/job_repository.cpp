#include "store/job_repository.hpp"

#include "store/sql/dialect.hpp"
#include "store/sql/job_queries.hpp"

namespace orderly::store {

void JobRepository::Enqueue(domain::Id order_id, const std::string& order_uuid,
                            const std::string& now) {
  db_.Query(sql::kInsertJob, {order_id, order_uuid, now});
  queued_();
}

bool JobRepository::EnqueuePull(domain::Id order_id, const std::string& order_uuid,
                                const std::string& now) {
  const bool inserted = db_.Query(sql::kInsertPullJob, {order_id, order_uuid, now}).changes > 0;
  if (inserted) queued_();
  return inserted;
}

std::int64_t JobRepository::CountOpen(domain::Id order_id) {
  return db_.Query(sql::kCountOpenJobsOfOrder, {order_id}).rows.at(0).Int(0);
}

std::optional<domain::Job> JobRepository::Claim(const std::string& owner, const std::string& now,
                                                const std::string& lease_until) {
  // Two workers on PostgreSQL each take a different due job instead of waiting for each other.
  const std::string claim =
      std::string(sql::kSelectClaimableJob) + std::string(sql::DialectOf(db_.Engine()).skip_locked);
  const auto found = db_.Query(claim, {now});
  if (found.rows.empty()) return std::nullopt;
  const auto& row = found.rows.front();
  domain::Job job{.id = row.Int(0),
                  .order_id = row.Int(1),
                  .order_uuid = row.Text(2),
                  .state = domain::JobState::kRunning,
                  .attempts = static_cast<int>(row.Int(3)) + 1,
                  .run_after = row.Text(4),
                  .lease_owner = owner,
                  .lease_until = lease_until,
                  .created = row.Text(5),
                  .last_error = row.Text(6),
                  .kind = row.Text(7) == domain::NameOf(domain::JobKind::kPull)
                              ? domain::JobKind::kPull
                              : domain::JobKind::kProcess};
  db_.Query(sql::kClaimJob, {owner, lease_until, job.id});
  return job;
}

bool JobRepository::Renew(domain::Id job_id, const std::string& owner,
                          const std::string& lease_until) {
  return db_.Query(sql::kRenewJob, {lease_until, job_id, owner}).changes > 0;
}

bool JobRepository::Finish(domain::Id job_id, const std::string& owner,
                           domain::JobState final_state, const std::string& now,
                           const std::string& error) {
  return db_.Query(sql::kFinishJob,
                   {std::string(domain::NameOf(final_state)), now, error, job_id, owner})
             .changes > 0;
}

bool JobRepository::Reschedule(domain::Id job_id, const std::string& owner,
                               const std::string& run_after, const std::string& error) {
  return db_.Query(sql::kRescheduleJob, {run_after, error, job_id, owner}).changes > 0;
}

std::map<std::string, std::int64_t> JobRepository::CountByState() {
  std::map<std::string, std::int64_t> counts;
  for (const auto& row : db_.Query(sql::kCountJobsByState).rows) counts[row.Text(0)] = row.Int(1);
  return counts;
}

}  // namespace orderly::store
