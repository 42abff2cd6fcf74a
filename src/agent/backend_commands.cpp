#include "agent/backend_commands.hpp"

#include "processing/script/script_runner.hpp"

namespace orderly::agent {
namespace {

std::string Text(const nlohmann::json& object, const char* field) {
  const auto found = object.find(field);
  if (found == object.end() || found->is_null()) return "";
  return found->is_string() ? found->get<std::string>() : found->dump();
}

std::string LastLine(const std::string& output) {
  auto end = output.find_last_not_of(" \r\n\t");
  if (end == std::string::npos) return "";
  const auto start = output.rfind('\n', end);
  return output.substr(start == std::string::npos ? 0 : start + 1,
                       end - (start == std::string::npos ? 0 : start + 1) + 1);
}

}  // namespace

CommandResult RunBackendCommand(const AgentOptions& options, const std::string& command,
                                const std::string& run_name, const nlohmann::json& order,
                                const nlohmann::json& resource) {
  const auto limits = order.contains("limits") ? order["limits"] : nlohmann::json::object();
  const auto attributes =
      order.contains("attributes") ? order["attributes"] : nlohmann::json::object();
  const processing::script::ScriptRun run{
      .interpreter = "/bin/sh",
      .body = command,
      .environment = {{"PATH", "/usr/local/bin:/usr/bin:/bin"},
                      {"ORDER_UUID", Text(order, "uuid")},
                      {"ORDER_TYPE", Text(order, "type")},
                      {"RESOURCE_UUID", Text(order, "marketplace_resource_uuid")},
                      {"RESOURCE_NAME", Text(resource, "name")},
                      {"RESOURCE_BACKEND_ID", Text(resource, "backend_id")},
                      {"PLAN_UUID", Text(order, "plan_uuid")},
                      {"PROJECT_UUID", Text(order, "project_uuid")},
                      {"OFFERING_UUID", Text(order, "offering_uuid")},
                      {"LIMITS", limits.dump()},
                      {"ATTRIBUTES", attributes.dump()}},
      .timeout = options.command_timeout,
      .directory = options.state_directory / run_name};
  const auto outcome = processing::script::RunScript(run);
  return CommandResult{.succeeded = outcome.started && !outcome.timed_out && outcome.exit_code == 0,
                       .timed_out = outcome.timed_out,
                       .exit_code = outcome.exit_code,
                       .output = outcome.output,
                       .last_line = LastLine(outcome.output)};
}

void ForgetBackendCommand(const AgentOptions& options, const std::string& run_name) {
  processing::script::ForgetScriptRun(options.state_directory / run_name);
}

}  // namespace orderly::agent
