#pragma once

#include <string>

#include "domain/check.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/orders/workflow.hpp"
#include "store/resource_repository.hpp"

namespace orderly::service {

// The resource, when the actor may see it from this side; Error(kNotFound) otherwise.
store::ResourceRecord VisibleResource(store::Transaction& tx, const domain::Actor& actor,
                                      store::ResourceSide side, const std::string& uuid);
domain::ResourceFacts FactsOf(const store::ResourceRecord& record);

// One write transaction; the resource looked up (404); the rules asked (403, 400, 409); then
// `act(workflow, tx, record)`.
template <typename Act>
auto WithResource(Context& context, const domain::Actor& actor, store::ResourceSide side,
                  const std::string& uuid, domain::ResourceAction action, Act&& act) {
  return context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, &actor);
    store::ResourceRecord record = VisibleResource(tx, actor, side, uuid);
    domain::RequireResourceAction(actor, action, FactsOf(record));
    return act(workflow, tx, record);
  });
}

}  // namespace orderly::service
