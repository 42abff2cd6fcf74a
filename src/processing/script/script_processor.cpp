#include "processing/script/script_processor.hpp"

#include <sodium.h>

#include <sstream>

#include "domain/error.hpp"
#include "processing/script/script_runner.hpp"

namespace orderly::processing::script {
namespace {

constexpr std::size_t kMaxScriptBytes = 1 << 20;
constexpr std::size_t kMessageTail = 2000;

// Languages and the interpreters that stand in for the reference's container images.
const char* InterpreterOf(const std::string& language) {
  if (language == "shell") return "/bin/sh";
  if (language == "python") return "/usr/bin/python3";
  return nullptr;
}

std::string Text(const nlohmann::json& value) {
  if (value.is_null()) return "None";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();  // objects, lists, numbers and booleans as JSON
}

std::string Tail(const std::string& output) {
  std::string tail = output.size() > kMessageTail ? output.substr(output.size() - kMessageTail) : output;
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) tail.pop_back();
  return tail;
}

std::vector<std::pair<std::string, std::string>> EnvironmentOf(const service::ProcessingInput& input) {
  const auto& order = input.record.order;
  const auto& where = input.record.where;
  const auto& resource = input.resource;
  std::vector<std::pair<std::string, std::string>> environment = {
      {"PATH", "/usr/local/bin:/usr/bin:/bin"},
      {"ATTRIBUTES", Text(order.attributes)},
      {"LIMITS", Text(order.limits)},
      {"CUSTOMER_UUID", where.customer_uuid},
      {"CUSTOMER_NAME", where.customer_name},
      {"PROJECT_UUID", where.project_uuid},
      {"PROJECT_NAME", where.project_name},
      {"OFFERING_UUID", where.offering_uuid},
      {"OFFERING_NAME", where.offering_name},
      {"PLAN_UUID", where.plan_uuid.value_or("None")},
      {"PLAN_NAME", where.plan_uuid ? where.plan_name : "None"},
      {"ORDER_UUID", order.uuid},
      {"ORDER_TYPE", std::string(domain::NameOf(order.type))},
      {"CREATOR_EMAIL", input.creator_email},
      {"CREATOR_USERNAME", input.record.created_by ? input.record.created_by->username : "None"},
      {"RESOURCE_UUID", resource.uuid},
      {"RESOURCE_NAME", resource.name},
      {"RESOURCE_BACKEND_ID", resource.backend_id},
      {"RESOURCE_BACKEND_METADATA", Text(resource.backend_metadata)},
      {"RESOURCE_ATTRIBUTES", Text(resource.attributes)},
  };
  // The offering's environ pairs come last and win (§9.3).
  const auto& secrets = input.offering.secret_options;
  if (secrets.contains("environ") && secrets["environ"].is_array()) {
    for (const auto& pair : secrets["environ"]) {
      if (!pair.is_object() || !pair.contains("name")) continue;
      const std::string name = Text(pair["name"]);
      const std::string value = pair.contains("value") ? Text(pair["value"]) : "";
      std::erase_if(environment, [&](const auto& entry) { return entry.first == name; });
      environment.emplace_back(name, value);
    }
  }
  return environment;
}

}  // namespace

std::string HookOf(domain::OrderType type) {
  switch (type) {
    case domain::OrderType::kCreate: return "create";
    case domain::OrderType::kUpdate: return "update";
    case domain::OrderType::kTerminate: return "terminate";
  }
  return "create";
}

void ScriptProcessor::Validate(const domain::Offering& offering, domain::OrderType type) const {
  const auto& secrets = offering.secret_options;
  const std::string hook = HookOf(type);
  if (!secrets.contains(hook) || !secrets[hook].is_string() || secrets[hook].get<std::string>().empty()) {
    throw Error(ErrorCode::kInvalidInput, "Script is not defined.");
  }
  const std::string language = secrets.value("language", "");
  if (InterpreterOf(language) == nullptr) {
    throw Error(ErrorCode::kInvalidInput, "Docker image is not allowed.");
  }
  if (secrets[hook].get<std::string>().size() > kMaxScriptBytes) {
    throw Error(ErrorCode::kInvalidInput, "The length of script is more than 1 MB.");
  }
}

void ParseCreateOutput(const std::string& output, service::ProcessingResult& result) {
  std::string trimmed = output;
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r' || trimmed.back() == ' ')) {
    trimmed.pop_back();
  }
  if (trimmed.empty()) return;  // success without a backend id
  const std::string last = trimmed.substr(trimmed.find_last_of('\n') == std::string::npos ? 0 : trimmed.find_last_of('\n') + 1);
  std::istringstream words(last);
  std::vector<std::string> tokens;
  for (std::string token; words >> token;) tokens.push_back(token);
  auto fail = [&](const std::string& message) {
    result.succeeded = false;
    result.error_message = message;
    result.error_traceback = "Parsing the last line of the create script's output: '" + last + "': " + message;
  };
  if (tokens.size() == 1) {
    result.backend_id = tokens[0];
    return;
  }
  if (tokens.size() != 2) return fail("Unexpected structure of output");
  if (tokens[0] == "null") return fail("Backend id returned as null, will not proceed.");
  std::string decoded(tokens[1].size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), tokens[1].c_str(),
                        tokens[1].size(), "\n\r ", &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return fail("Metadata is not valid base64.");
  }
  decoded.resize(length);
  const auto metadata = nlohmann::json::parse(decoded, nullptr, false);
  if (metadata.is_discarded() || !metadata.is_object()) return fail("Metadata is not a JSON object.");
  result.backend_id = tokens[0];
  if (metadata.contains("backend_metadata") && metadata["backend_metadata"].is_object()) {
    result.backend_metadata = metadata["backend_metadata"];
  }
  if (metadata.contains("endpoints")) {
    nlohmann::json merged = result.backend_metadata.value_or(nlohmann::json::object());
    merged["endpoints"] = metadata["endpoints"];
    result.backend_metadata = merged;
  }
}

service::ProcessingResult ScriptProcessor::Process(const service::ProcessingInput& input) {
  const auto& order = input.record.order;
  const auto& secrets = input.offering.secret_options;
  const std::string hook = HookOf(order.type);
  service::ProcessingResult result;
  const char* interpreter = InterpreterOf(secrets.value("language", ""));
  if (interpreter == nullptr || !secrets.contains(hook) || !secrets[hook].is_string()) {
    result.error_message = "The offering has no usable '" + hook + "' script.";
    result.error_traceback = "Script processor: secret_options lack the '" + hook + "' script or a known language.";
    return result;
  }
  const auto started = std::chrono::steady_clock::now();
  const ScriptOutcome outcome = RunScript({.interpreter = interpreter,
                                          .body = secrets[hook].get<std::string>(),
                                          .environment = EnvironmentOf(input),
                                          .timeout = std::chrono::seconds(timeout_seconds_),
                                          .directory = runs_root_ / input.job_key});
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
  result.output = outcome.output;
  if (!outcome.started) {
    result.error_message = "The script could not be started: " + outcome.output;
    result.error_traceback = "Script processor, '" + hook + "' script: " + outcome.output;
    return result;
  }
  if (outcome.timed_out) {
    result.error_message = "Script timed out after " + std::to_string(timeout_seconds_) + " seconds.";
    result.error_traceback = "Script processor, '" + hook + "' script killed with its process group after " +
                             std::to_string(timeout_seconds_) + " s. Output tail:\n" + Tail(outcome.output);
    return result;
  }
  if (outcome.exit_code != 0) {
    const std::string tail = Tail(outcome.output);
    result.error_message = tail.empty() ? "Script exited with status " + std::to_string(outcome.exit_code) + "."
                                        : tail;
    result.error_traceback = "Script processor, '" + hook + "' script exited with status " +
                             std::to_string(outcome.exit_code) + " after " + std::to_string(seconds) +
                             " s. Output tail:\n" + tail;
    return result;
  }
  result.succeeded = true;
  if (order.type == domain::OrderType::kCreate) ParseCreateOutput(outcome.output, result);
  return result;
}

void ScriptProcessor::Forget(const service::ProcessingInput& input) { ForgetScriptRun(runs_root_ / input.job_key); }

}  // namespace orderly::processing::script
