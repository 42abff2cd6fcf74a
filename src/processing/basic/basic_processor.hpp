#pragma once

#include "processing/processor.hpp"

namespace orderly::processing::basic {

// Spec decision 1: the provider does the work outside orderly and reports it with set_state_done
// or set_state_erred, so nothing runs here.
class BasicProcessor final : public Processor {
 public:
  bool Automated() const override { return false; }
  service::ProcessingResult Process(const service::ProcessingInput&) override { return {}; }
};

}  // namespace orderly::processing::basic
