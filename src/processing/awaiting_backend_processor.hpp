#pragma once

#include "processing/processor.hpp"

namespace orderly::processing {

// For the types whose backends are not wired in yet (Remote): the
// order stays executing, and staff or the provider can still finish it by hand where the type
// allows.
class AwaitingBackendProcessor final : public Processor {
 public:
  bool Automated() const override { return false; }
  service::ProcessingResult Process(const service::ProcessingInput&) override { return {}; }
};

}  // namespace orderly::processing
