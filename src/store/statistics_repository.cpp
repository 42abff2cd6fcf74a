#include "store/statistics_repository.hpp"

namespace orderly::store {
namespace {

constexpr const char* kOrdersByTypeAndState =
    "SELECT f.type, o.state, COUNT(*) FROM orders o JOIN offerings f ON f.id = o.offering_id "
    "GROUP BY f.type, o.state";
constexpr const char* kEventsByType = "SELECT event_type, COUNT(*) FROM events GROUP BY event_type";

}  // namespace

std::vector<OrderCount> StatisticsRepository::OrdersByTypeAndState() {
  std::vector<OrderCount> counts;
  for (const auto& row : db_.Query(kOrdersByTypeAndState).rows) {
    const auto state = domain::EnumByCode(domain::OrderStates(), static_cast<int>(row.Int(1)));
    if (!state) continue;
    counts.push_back({.offering_type = row.Text(0), .state = *state, .count = row.Int(2)});
  }
  return counts;
}

std::map<std::string, std::int64_t> StatisticsRepository::EventsByType() {
  std::map<std::string, std::int64_t> counts;
  for (const auto& row : db_.Query(kEventsByType).rows) counts[row.Text(0)] = row.Int(1);
  return counts;
}

std::int64_t StatisticsRepository::CountResourcesUnchangedSince(
    const std::vector<domain::ResourceState>& states, const std::string& modified_before) {
  if (states.empty()) return 0;
  std::vector<sql::Value> params;
  std::string in;
  for (const auto state : states) {
    params.emplace_back(static_cast<std::int64_t>(domain::CodeOf(state)));
    in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  params.emplace_back(modified_before);
  const std::string query = "SELECT COUNT(*) FROM resources WHERE state IN (" + in +
                            ") AND modified < $" + std::to_string(params.size());
  return db_.Query(query, params).rows.at(0).Int(0);
}

}  // namespace orderly::store
