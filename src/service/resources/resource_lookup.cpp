#include "domain/error.hpp"
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
                                                 store::ResourceSide side,
                                                 const store::ResourceFilter& filter,
                                                 const store::ListOptions& options) {
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
