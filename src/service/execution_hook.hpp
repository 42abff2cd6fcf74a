#pragma once

#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "store/transaction.hpp"

namespace orderly::service {

// What services ask of the processing layer, which implements it (one processor per offering
// type); services only announce and ask, they never know a processor.
class ExecutionHook {
 public:
  virtual ~ExecutionHook() = default;
  // Called inside the transaction that moved the order, whenever it reaches executing.
  virtual void OrderExecuting(store::Transaction& tx, const domain::Order& order,
                              domain::OfferingType type) = 0;
  // Checks a new order against what its offering's processor needs (e.g. a script for the
  // order's type); throws Error(kInvalidInput) when it cannot be carried out.
  virtual void ValidateOrder(const domain::Offering& offering, domain::OrderType type) = 0;
  // Asks the system carrying the order out to give it up (cancel_termination). Called outside any
  // transaction; throws Error(kUpstreamFailed) when that system refuses or cannot be reached.
  virtual void CancelAtBackend(const domain::Offering& offering, const domain::Order& order) = 0;
};

}  // namespace orderly::service
