#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "agent/agent_options.hpp"
#include "agent/marketplace_client.hpp"

namespace orderly::agent {

// What one cycle did, for the log line and the tests.
struct CycleReport {
  int approved = 0;
  int rejected = 0;
  int done = 0;
  int erred = 0;
  int left = 0;          // still pending, or the server was unreachable: next cycle
  int api_failures = 0;  // calls that failed; the order is retried next cycle
};

// One pass of Waldur's site-agent order loop (spec processing.md §12.2) over the offering's
// pending-provider and executing orders. Never throws for server or backend failures.
class OrderLoop {
 public:
  using Log = std::function<void(const std::string&)>;
  OrderLoop(AgentOptions options, Log log);
  CycleReport RunOnce();

 private:
  void Review(const nlohmann::json& order, CycleReport& report);
  void Approve(const std::string& order_uuid, CycleReport& report);
  void Execute(const nlohmann::json& order, CycleReport& report);
  // Marks the order done unless someone finished it meanwhile (re-read first, as the agent does).
  void FinishDone(const std::string& order_uuid, CycleReport& report);

  AgentOptions options_;
  Log log_;
  MarketplaceClient client_;
};

}  // namespace orderly::agent
