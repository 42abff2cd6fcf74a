#pragma once

#include "processing/processor.hpp"

namespace orderly::processing {

// For the automated types (Support, Script, Remote, OpenStack, Rancher) until their backends are
// wired in by the processing issue: the order stays executing, and staff or the provider can still
// finish it by hand where the type allows.
class AwaitingBackendProcessor final : public Processor {
 public:
  void Start(store::Transaction&, const domain::Order&) override {}
};

}  // namespace orderly::processing
