#pragma once

#include "processing/processor.hpp"

namespace orderly::processing::slurm {

// The site agent polls executing orders of its offering and reports set_state_done or
// set_state_erred (processing.md §9.5, §12), so nothing runs here.
class SlurmProcessor final : public Processor {
 public:
  bool Automated() const override { return false; }
  service::ProcessingResult Process(const service::ProcessingInput&) override { return {}; }
};

}  // namespace orderly::processing::slurm
