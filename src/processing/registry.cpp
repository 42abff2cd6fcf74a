#include "processing/registry.hpp"

#include <stdexcept>
#include <string>

#include "domain/capabilities.hpp"
#include "processing/awaiting_backend_processor.hpp"
#include "processing/basic/basic_processor.hpp"
#include "processing/slurm/slurm_processor.hpp"

namespace orderly::processing {

Registry::Registry() {
  using domain::OfferingType;
  processors_[OfferingType::kBasic] = std::make_unique<basic::BasicProcessor>();
  processors_[OfferingType::kSlurm] = std::make_unique<slurm::SlurmProcessor>();
  processors_[OfferingType::kSupport] = std::make_unique<AwaitingBackendProcessor>();
  processors_[OfferingType::kScript] = std::make_unique<AwaitingBackendProcessor>();
  processors_[OfferingType::kRemote] = std::make_unique<AwaitingBackendProcessor>();
  processors_[OfferingType::kOpenStackTenant] = std::make_unique<AwaitingBackendProcessor>();
  processors_[OfferingType::kRancher] = std::make_unique<AwaitingBackendProcessor>();
  for (const auto& capability : domain::OfferingCapabilities()) {
    if (!processors_.contains(capability.type)) {
      throw std::logic_error("no processor for offering type " +
                             std::string(domain::NameOf(capability.type)));
    }
  }
}

void Registry::OrderExecuting(store::Transaction& tx, const domain::Order& order,
                              domain::OfferingType type) {
  processors_.at(type)->Start(tx, order);
}

}  // namespace orderly::processing
