#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "service/context.hpp"
#include "store/statistics_repository.hpp"

namespace orderly::service {

// What operators watch (the /metrics endpoint), read in one transaction.
struct OperationalCounts {
  std::vector<store::OrderCount> orders;       // by offering type and state
  std::map<std::string, std::int64_t> events;  // every event written, by type
  std::map<std::string, std::int64_t> jobs;    // by job state
  std::int64_t stuck_resources = 0;            // as GET /api/marketplace-resources/?stuck=true
  store::ConnectionPool::Usage pool;
};

OperationalCounts ReadOperationalCounts(Context& context);

}  // namespace orderly::service
