#pragma once

#include "processing/processor.hpp"

namespace orderly::processing::slurm {

// The site agent polls executing orders of its offering and reports set_state_done or
// set_state_erred (processing.md §9.5, §12), so the server has nothing to start.
class SlurmProcessor final : public Processor {
 public:
  void Start(store::Transaction&, const domain::Order&) override {}
};

}  // namespace orderly::processing::slurm
