#include "store/callback_repository.hpp"

#include "store/sql/callback_queries.hpp"

namespace orderly::store {

void CallbackRepository::Enqueue(const std::string& order_uuid, const std::string& url,
                                 const std::string& now) {
  db_.Query(sql::kInsertCallback, {order_uuid, url, now});
}

std::optional<OutgoingCallback> CallbackRepository::Claim(const std::string& now,
                                                          const std::string& lease_until) {
  const auto found = db_.Query(sql::kSelectDueCallback, {now});
  if (found.rows.empty()) return std::nullopt;
  const auto& row = found.rows.front();
  OutgoingCallback callback{.id = row.Int(0),
                            .order_uuid = row.Text(1),
                            .url = row.Text(2),
                            .attempts = static_cast<int>(row.Int(3)) + 1};
  db_.Query(sql::kClaimCallback, {lease_until, callback.id});
  return callback;
}

void CallbackRepository::MarkSent(domain::Id id) {
  db_.Query(sql::kFinishCallback, {std::string("sent"), std::string(), id});
}

void CallbackRepository::MarkAbandoned(domain::Id id, const std::string& error) {
  db_.Query(sql::kFinishCallback, {std::string("abandoned"), error, id});
}

void CallbackRepository::Reschedule(domain::Id id, const std::string& run_after,
                                    const std::string& error) {
  db_.Query(sql::kRescheduleCallback, {run_after, error, id});
}

std::map<std::string, std::int64_t> CallbackRepository::CountByState() {
  std::map<std::string, std::int64_t> counts;
  for (const auto& row : db_.Query(sql::kCountCallbacksByState).rows)
    counts[row.Text(0)] = row.Int(1);
  return counts;
}

}  // namespace orderly::store
