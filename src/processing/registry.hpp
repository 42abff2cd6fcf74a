#pragma once

#include <chrono>
#include <map>
#include <memory>

#include "domain/offering.hpp"
#include "processing/processor.hpp"
#include "service/execution_hook.hpp"

namespace orderly::processing {

namespace remote {
class RemoteProcessor;
}

struct RegistryOptions {
  int script_timeout_seconds = 1800;
  // Where Marketplace.Script keeps one directory per running job (default: beside the database).
  std::string script_runs_directory;
  // Waldur.RemoteOffering: this instance's own address, for the callback_url of remote orders.
  std::string public_url = "http://127.0.0.1:8080";
  std::chrono::seconds remote_timeout{10};
};

// Offering type -> processor, listed explicitly in registry.cpp. When an order of an automated
// type starts executing, a job goes into the durable queue in the same transaction.
class Registry final : public service::ExecutionHook {
 public:
  // Throws std::logic_error when a type of the capability table has no processor.
  explicit Registry(RegistryOptions options = {});
  void OrderExecuting(store::Transaction& tx, const domain::Order& order,
                      domain::OfferingType type) override;
  void ValidateOrder(const domain::Offering& offering, domain::OrderType type) override;
  void CancelAtBackend(const domain::Offering& offering, const domain::Order& order) override;

  Processor& For(domain::OfferingType type) { return *processors_.at(type); }

  // This instance's address as other instances reach it (callback_url of remote orders), once
  // the server knows its port.
  void SetPublicUrl(const std::string& public_url);

 private:
  std::map<domain::OfferingType, std::unique_ptr<Processor>> processors_;
  remote::RemoteProcessor* remote_ = nullptr;
};

}  // namespace orderly::processing
