#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "domain/order.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

struct OrderCount {
  std::string offering_type;
  domain::OrderState state;
  std::int64_t count = 0;
};

// Whole-deployment counts for the operators' metrics; no visibility rules apply.
class StatisticsRepository {
 public:
  explicit StatisticsRepository(sql::Connection& connection) : db_(connection) {}

  std::vector<OrderCount> OrdersByTypeAndState();
  // Every event ever written, by event type (the log is append-only, so these only grow).
  std::map<std::string, std::int64_t> EventsByType();
  // Resources in one of `states` not modified since `modified_before`.
  std::int64_t CountResourcesUnchangedSince(const std::vector<domain::ResourceState>& states,
                                            const std::string& modified_before);

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
