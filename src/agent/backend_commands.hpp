#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "agent/agent_options.hpp"

namespace orderly::agent {

struct CommandResult {
  bool succeeded = false;
  bool timed_out = false;
  int exit_code = -1;
  std::string output;     // stdout and stderr interleaved
  std::string last_line;  // the last non-empty output line: backend_id or rejection comment
};

// Runs one of the backend commands for an order. The command sees only this environment:
// PATH, ORDER_UUID, ORDER_TYPE, RESOURCE_UUID, RESOURCE_NAME, RESOURCE_BACKEND_ID, PLAN_UUID,
// PROJECT_UUID, OFFERING_UUID, LIMITS and ATTRIBUTES (both JSON). `run_name` names the run's
// record under the state directory; a run with a name that already finished is read back, not
// repeated.
CommandResult RunBackendCommand(const AgentOptions& options, const std::string& command,
                                const std::string& run_name, const nlohmann::json& order,
                                const nlohmann::json& resource);

// Drops the record of a run whose result the server has accepted.
void ForgetBackendCommand(const AgentOptions& options, const std::string& run_name);

}  // namespace orderly::agent
