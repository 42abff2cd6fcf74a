#pragma once

#include <string>

#include "domain/check.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/orders/workflow.hpp"

namespace orderly::service {

// The common frame of an order action: one write transaction; the order looked up (404); the
// rules asked (403, 400, 409, 405); then `act(workflow, tx, record)`; the order read back.
template <typename Act>
store::OrderRecord WithOrder(Context& context, const domain::Actor& actor, const std::string& uuid,
                             domain::OrderAction action, Act&& act) {
  return context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, &actor);
    store::OrderRecord record = VisibleOrder(tx, actor, uuid);
    domain::RequireOrderAction(actor, action, FactsOf(record, workflow.today()));
    act(workflow, tx, record);
    auto after = tx.Orders().FindById(record.order.id);
    return after ? std::move(*after) : std::move(record);
  });
}

}  // namespace orderly::service
