#pragma once

#include "processing/processor.hpp"
#include "service/support/support_issues.hpp"

namespace orderly::processing::support {

// Support.OfferingTemplate (processing.md §9.2): each executing order opens an issue in the
// built-in helpdesk and waits; resolving or canceling the issue finishes the order.
class SupportProcessor final : public Processor {
 public:
  bool Automated() const override { return false; }
  void OnExecuting(store::Transaction& tx, const domain::Order& order) override {
    service::OpenSupportIssue(tx, order, order.modified);
  }
  service::ProcessingResult Process(const service::ProcessingInput&) override { return {}; }
};

}  // namespace orderly::processing::support
