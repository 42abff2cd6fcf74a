#pragma once

#include "processing/processor.hpp"

namespace orderly::processing::basic {

// Spec decision 1: the provider does the work outside orderly and reports it with set_state_done
// or set_state_erred, so starting an order changes nothing.
class BasicProcessor final : public Processor {
 public:
  void Start(store::Transaction&, const domain::Order&) override {}
};

}  // namespace orderly::processing::basic
