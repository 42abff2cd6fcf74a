#pragma once

#include "processing/processor.hpp"

namespace orderly::processing::openstack {

// OpenStack.Tenant (processing.md §9.6) over the OpenStack HTTP APIs: Create makes a Keystone
// project and sets its Nova, Neutron and Cinder quotas from the order's limits (backend_id = the
// project id), Update sets the quotas again, Terminate deletes the project. Each step can be
// repeated: a project left by an attempt that died is found again by its tag.
class TenantProcessor final : public Processor {
 public:
  bool Automated() const override { return true; }
  void Validate(const domain::Offering& offering, domain::OrderType type) const override;
  service::ProcessingResult Process(const service::ProcessingInput& input) override;
};

}  // namespace orderly::processing::openstack
