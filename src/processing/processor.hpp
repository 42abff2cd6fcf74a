#pragma once

#include "domain/order.hpp"
#include "store/transaction.hpp"

namespace orderly::processing {

// Carries out an order of one offering type once it is executing. It never decides whether an
// action is allowed: the domain tables did that before the order got here.
class Processor {
 public:
  virtual ~Processor() = default;
  // Called inside the transaction that moved the order to executing.
  virtual void Start(store::Transaction& tx, const domain::Order& order) = 0;
};

}  // namespace orderly::processing
