#pragma once

#include "processing/processor.hpp"

namespace orderly::processing::rancher {

// Marketplace.Rancher (processing.md §9.7) over the Rancher v3 API: Create makes a cluster and
// follows it until it is active (backend_id = the cluster id), Update only checks the cluster is
// still there (Rancher has nothing the order's limits map to), Terminate deletes it. A cluster an
// earlier attempt made is found again by name and the resource label, never made twice.
class ClusterProcessor final : public Processor {
 public:
  bool Automated() const override { return true; }
  void Validate(const domain::Offering& offering, domain::OrderType type) const override;
  service::ProcessingResult Process(const service::ProcessingInput& input) override;
};

}  // namespace orderly::processing::rancher
