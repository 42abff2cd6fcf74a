#include "service/operations.hpp"

#include "domain/dates.hpp"
#include "domain/lifecycle.hpp"
#include "domain/state_rules.hpp"

namespace orderly::service {

OperationalCounts ReadOperationalCounts(Context& context) {
  const std::vector<domain::ResourceState> transitional = domain::TransitionalResourceStates();
  const std::string stuck_before =
      domain::AddSeconds(context.clock.Now(), -context.limits.stuck_after_seconds);
  OperationalCounts counts = context.store.Read([&](store::Transaction& tx) {
    auto statistics = tx.Statistics();
    return OperationalCounts{
        .orders = statistics.OrdersByTypeAndState(),
        .events = statistics.EventsByType(),
        .jobs = tx.Jobs().CountByState(),
        .stuck_resources = statistics.CountResourcesUnchangedSince(transitional, stuck_before),
        .pool = {}};
  });
  counts.pool = context.store.PoolUsage();
  return counts;
}

}  // namespace orderly::service
