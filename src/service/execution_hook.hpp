#pragma once

#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "store/transaction.hpp"

namespace orderly::service {

// Called, inside the transaction that moved it, whenever an order reaches executing. The
// processing layer implements it (one processor per offering type); services only announce.
class ExecutionHook {
 public:
  virtual ~ExecutionHook() = default;
  virtual void OrderExecuting(store::Transaction& tx, const domain::Order& order,
                              domain::OfferingType type) = 0;
};

}  // namespace orderly::service
