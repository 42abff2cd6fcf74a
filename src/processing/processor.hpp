#pragma once

#include "domain/error.hpp"
#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "service/orders/job_processing.hpp"
#include "store/transaction.hpp"

namespace orderly::processing {

// Carries out executing orders of one offering type. It never decides whether an action is
// allowed: the domain tables did that before the order got here.
class Processor {
 public:
  virtual ~Processor() = default;
  // Automated processors get a job in the durable queue when an order starts executing; manual
  // ones (Basic, SLURM site agent) wait for set_state_done / set_state_erred.
  virtual bool Automated() const = 0;
  // Runs inside the transaction that moved the order to executing (e.g. opening a helpdesk issue).
  virtual void OnExecuting(store::Transaction&, const domain::Order&) {}
  // Refuses, with Error(kInvalidInput), an order the backend could never carry out.
  virtual void Validate(const domain::Offering&, domain::OrderType) const {}
  // Runs on a worker thread, outside any transaction. Must not throw for backend failures:
  // report them in the result (an exception is turned into a failure all the same).
  virtual service::ProcessingResult Process(const service::ProcessingInput& input) = 0;
  // For an order a previous result left in progress: looks at the backend's side and reports
  // where it stands (in progress again, done, erred or canceled). Runs like Process.
  virtual service::ProcessingResult Follow(const service::ProcessingInput&) {
    return service::ProcessingResult{.in_progress = true};
  }
  // Asks the backend to give up on an order it is carrying out (cancel_termination). Runs outside
  // any transaction; throws Error(kUpstreamFailed) when the backend refuses or cannot be reached.
  virtual void CancelAtBackend(const domain::Offering&, const domain::Order&) {
    throw Error(ErrorCode::kNotSupported,
                "This offering type cannot cancel an order at its backend.");
  }
  // Called once the job's result is stored: drops whatever the processor kept to survive a crash.
  virtual void Forget(const service::ProcessingInput&) {}
};

}  // namespace orderly::processing
