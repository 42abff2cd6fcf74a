#pragma once
// The shape every processor of an HTTP backend (OpenStack.Tenant, Marketplace.Rancher) shares:
// read the offering's settings (a failure there is final and names secret_options), open the
// order's conversation with the backend, run it, and turn a BackendError into the order's failure,
// naming the step the conversation had reached.
#include <exception>
#include <memory>
#include <string>

#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "processing/backend_http/backend_client.hpp"

namespace orderly::processing::backend_http {

// A successful result with `output` as the order's output.
service::ProcessingResult Succeeded(std::string output);

// `Call` is constructed from (const Settings&, const ProcessingInput&) and keeps a public
// `std::string step` (where it is); `run(Call&)` does the order's work and returns its result.
template <typename Call, typename ReadSettings, typename Run>
service::ProcessingResult ProcessOrder(const service::ProcessingInput& input,
                                       ReadSettings read_settings, Run run) {
  const std::string where = std::string(domain::NameOf(input.offering.type)) + " " +
                            std::string(domain::NameOf(input.record.order.type)) + " order";
  decltype(read_settings(input.offering.secret_options)) settings;
  try {
    settings = read_settings(input.offering.secret_options);
  } catch (const std::exception& error) {
    // The offering changed after the order was placed.
    return FailureFrom(BackendError(error.what(), "secret_options of the offering", false), where);
  }
  std::unique_ptr<Call> call;
  try {
    call = std::make_unique<Call>(settings, input);
    return run(*call);
  } catch (const BackendError& error) {
    return FailureFrom(error, where + ", " + (call ? call->step : std::string("connecting")));
  }
}

}  // namespace orderly::processing::backend_http
