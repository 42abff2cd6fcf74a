#pragma once

#include <map>
#include <memory>

#include "domain/offering.hpp"
#include "processing/processor.hpp"
#include "service/execution_hook.hpp"

namespace orderly::processing {

// Offering type -> processor, listed explicitly in registry.cpp. Tells the processor of the
// order's type when an order starts executing.
class Registry final : public service::ExecutionHook {
 public:
  // Throws std::logic_error when a type of the capability table has no processor.
  Registry();
  void OrderExecuting(store::Transaction& tx, const domain::Order& order,
                      domain::OfferingType type) override;

 private:
  std::map<domain::OfferingType, std::unique_ptr<Processor>> processors_;
};

}  // namespace orderly::processing
