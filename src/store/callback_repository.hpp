#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "domain/ids.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

// One POST to an order's callback_url, waiting in the outbox or being sent.
struct OutgoingCallback {
  domain::Id id = 0;
  std::string order_uuid;
  std::string url;
  int attempts = 0;  // including the current one
};

// The outbox of callbacks: filled in the transaction that changes an order's state, drained by a
// sender outside any transaction, so a slow or dead receiver never holds up the order.
class CallbackRepository {
 public:
  explicit CallbackRepository(sql::Connection& connection) : db_(connection) {}

  void Enqueue(const std::string& order_uuid, const std::string& url, const std::string& now);
  // Takes the oldest due callback until `lease_until`; call inside a write transaction.
  std::optional<OutgoingCallback> Claim(const std::string& now, const std::string& lease_until);
  void MarkSent(domain::Id id);
  void MarkAbandoned(domain::Id id, const std::string& error);
  void Reschedule(domain::Id id, const std::string& run_after, const std::string& error);
  std::map<std::string, std::int64_t> CountByState();

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
