#pragma once

#include <string>

#include "domain/check.hpp"
#include "domain/dates.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/orders/workflow.hpp"

namespace orderly::service {

// The common frame of an order action: one write transaction; the order looked up (404); the
// rules asked (403, 400, 409, 405); then `act(workflow, tx, record)`; the order read back.
// The rules are asked first in a read transaction too: a refused action then never queues for the
// write lock, so when many users race for one order the losers' 409s do not hold up the writes
// that succeed (bench/README.md, contention). The write transaction asks again, since the order
// may change in between.
template <typename Act>
store::OrderRecord WithOrder(Context& context, const domain::Actor& actor, const std::string& uuid,
                             domain::OrderAction action, Act&& act) {
  context.store.Read([&](store::Transaction& tx) {
    const store::OrderRecord record = VisibleOrder(tx, actor, uuid);
    domain::RequireOrderAction(actor, action, FactsOf(record, domain::DateOf(context.clock.Now())));
  });
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
