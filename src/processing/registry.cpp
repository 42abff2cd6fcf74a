#include "processing/registry.hpp"

#include <stdexcept>
#include <string>

#include "domain/capabilities.hpp"
#include "processing/basic/basic_processor.hpp"
#include "processing/openstack/tenant_processor.hpp"
#include "processing/rancher/cluster_processor.hpp"
#include "processing/remote/remote_processor.hpp"
#include "processing/script/script_processor.hpp"
#include "processing/slurm/slurm_processor.hpp"
#include "processing/support/support_processor.hpp"

namespace orderly::processing {

Registry::Registry(RegistryOptions options) {
  using domain::OfferingType;
  processors_[OfferingType::kBasic] = std::make_unique<basic::BasicProcessor>();
  processors_[OfferingType::kSlurm] = std::make_unique<slurm::SlurmProcessor>();
  processors_[OfferingType::kScript] = std::make_unique<script::ScriptProcessor>(
      options.script_timeout_seconds, options.script_runs_directory);
  processors_[OfferingType::kSupport] = std::make_unique<support::SupportProcessor>();
  auto remote =
      std::make_unique<remote::RemoteProcessor>(options.public_url, options.remote_timeout);
  remote_ = remote.get();
  processors_[OfferingType::kRemote] = std::move(remote);
  processors_[OfferingType::kOpenStackTenant] = std::make_unique<openstack::TenantProcessor>();
  processors_[OfferingType::kRancher] = std::make_unique<rancher::ClusterProcessor>();
  for (const auto& capability : domain::OfferingCapabilities()) {
    if (!processors_.contains(capability.type)) {
      throw std::logic_error("no processor for offering type " +
                             std::string(domain::NameOf(capability.type)));
    }
  }
}

void Registry::OrderExecuting(store::Transaction& tx, const domain::Order& order,
                              domain::OfferingType type) {
  For(type).OnExecuting(tx, order);
  if (!For(type).Automated()) return;
  // The store wakes idle workers once this transaction commits.
  tx.Jobs().Enqueue(order.id, order.uuid, order.modified);
}

void Registry::ValidateOrder(const domain::Offering& offering, domain::OrderType type) {
  For(offering.type).Validate(offering, type);
}

void Registry::SetPublicUrl(const std::string& public_url) { remote_->SetPublicUrl(public_url); }

void Registry::CancelAtBackend(const domain::Offering& offering, const domain::Order& order) {
  For(offering.type).CancelAtBackend(offering, order);
}

}  // namespace orderly::processing
