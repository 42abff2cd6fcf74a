#include "service/events.hpp"

#include "domain/error.hpp"
#include "service/orders/order_lookup.hpp"

namespace orderly::service {

EventPage ListEvents(Context& context, const domain::Actor& actor, const std::string& scope_uuid,
                     const store::ListOptions& options) {
  return context.store.Read([&](store::Transaction& tx) {
    const auto visibility = VisibilityOf(actor);
    std::optional<domain::Subject> subject;
    if (auto order = tx.Orders().FindByUuid(scope_uuid)) {
      subject = SubjectOf(order->where, order->order.project_id, order->order.offering_id);
      if (!domain::MaySee(actor, domain::OrderListRule(), *subject)) throw NotFound("Not found.");
    } else if (auto resource = tx.Resources().FindByUuid(scope_uuid, OpenOrderStates())) {
      const auto consumer_rule = ScopeOf(domain::ConsumerResourceListRule());
      const auto id = resource->resource.id;
      if (!tx.Resources().IsVisible(store::ResourceSide::kConsumer, visibility, consumer_rule,
                                    id) &&
          !tx.Resources().IsVisible(store::ResourceSide::kProvider, visibility, consumer_rule,
                                    id)) {
        throw NotFound("Not found.");
      }
      subject =
          SubjectOf(resource->where, resource->resource.project_id, resource->resource.offering_id);
    } else if (!domain::SeesEverything(actor)) {
      throw NotFound("Not found.");
    }
    return EventPage{.page = tx.Events().ListForScope(scope_uuid, options),
                     .with_tracebacks = subject ? domain::MaySeeErrorTraceback(actor, *subject)
                                                : domain::SeesEverything(actor)};
  });
}

}  // namespace orderly::service
