#include <algorithm>

#include "domain/dates.hpp"
#include "domain/error.hpp"
#include "domain/lifecycle.hpp"
#include "service/resources/resource_actions.hpp"
#include "service/resources/with_resource.hpp"

namespace orderly::service {

store::ResourceRecord VisibleResource(store::Transaction& tx, const domain::Actor& actor,
                                      store::ResourceSide side, const std::string& uuid) {
  auto resources = tx.Resources();
  auto record = resources.FindByUuid(uuid, OpenOrderStates());
  if (!record || !resources.IsVisible(side, VisibilityOf(actor), ScopeOf(domain::ConsumerResourceListRule()),
                                      record->resource.id)) {
    throw NotFound("Resource not found.");
  }
  return std::move(*record);
}

domain::ResourceFacts FactsOf(const store::ResourceRecord& record) {
  return domain::ResourceFacts{
      .resource = record.resource,
      .offering_type = record.where.offering_type,
      .subject = SubjectOf(record.where, record.resource.project_id, record.resource.offering_id),
      .customer_blocked = record.where.customer_blocked};
}

store::ResourceRecord GetResource(Context& context, const domain::Actor& actor,
                                  store::ResourceSide side, const std::string& uuid) {
  return context.store.Read([&](store::Transaction& tx) { return VisibleResource(tx, actor, side, uuid); });
}

store::Page<store::ResourceRecord> ListResources(Context& context, const domain::Actor& actor,
                                                 store::ResourceSide side, store::ResourceFilter filter,
                                                 bool stuck, const store::ListOptions& options) {
  if (stuck) {
    std::vector<domain::ResourceState> transitional;
    for (const auto& entry : domain::ResourceStates()) {
      const bool wanted = filter.states.empty() ||
                          std::find(filter.states.begin(), filter.states.end(), entry.value) != filter.states.end();
      if (domain::IsTransitional(entry.value) && wanted) transitional.push_back(entry.value);
    }
    if (transitional.empty()) return {};
    filter.states = transitional;
    filter.modified_before = domain::AddSeconds(context.clock.Now(), -context.limits.stuck_after_seconds);
  }
  return context.store.Read([&](store::Transaction& tx) {
    return tx.Resources().List(side, VisibilityOf(actor), ScopeOf(domain::ConsumerResourceListRule()),
                               filter, options, OpenOrderStates());
  });
}

std::vector<std::string> AvailableActions(Context&, const domain::Actor& actor,
                                          const store::ResourceRecord& record) {
  return domain::AvailableResourceActions(actor, FactsOf(record));
}

store::ResourceRecord ResourceOfOrder(Context& context, const domain::Actor& actor,
                                      const std::string& order_uuid) {
  return context.store.Read([&](store::Transaction& tx) {
    const auto order = VisibleOrder(tx, actor, order_uuid);
    auto record = tx.Resources().FindById(order.order.resource_id, OpenOrderStates());
    if (!record) throw NotFound("Resource not found.");
    return std::move(*record);
  });
}

}  // namespace orderly::service
