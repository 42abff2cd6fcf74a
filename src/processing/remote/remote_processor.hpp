#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "processing/processor.hpp"

namespace orderly::processing::remote {

// Waldur.RemoteOffering (processing.md §9.4): an order is carried out by placing the same order
// at another orderly (or Waldur) instance and following that order there. Process submits it and
// leaves the local order in progress; Follow reads the remote order and maps its state
// (domain/remote_states.hpp); CancelAtBackend rejects it there (cancel_termination).
class RemoteProcessor final : public Processor {
 public:
  // `public_url`: this instance's address as the remote sees it, for callback_url.
  RemoteProcessor(std::string public_url, std::chrono::seconds timeout);

  bool Automated() const override { return true; }
  service::ProcessingResult Process(const service::ProcessingInput& input) override;
  service::ProcessingResult Follow(const service::ProcessingInput& input) override;
  void CancelAtBackend(const domain::Offering& offering, const domain::Order& order) override;

  // Known only once the server has bound its port (when --public-url is not given).
  void SetPublicUrl(std::string public_url);

 private:
  service::ProcessingResult Create(const service::ProcessingInput& input);
  service::ProcessingResult Update(const service::ProcessingInput& input);
  service::ProcessingResult Terminate(const service::ProcessingInput& input);
  std::string CallbackUrl(const std::string& order_uuid) const;

  mutable std::mutex mutex_;
  std::string public_url_;
  std::chrono::seconds timeout_;
};

}  // namespace orderly::processing::remote
