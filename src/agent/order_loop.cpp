#include "agent/order_loop.hpp"

#include "agent/backend_commands.hpp"
#include "domain/order.hpp"

namespace orderly::agent {
namespace {

using processing::backend_http::BackendError;

constexpr std::size_t kMessageTail = 2000;

std::optional<domain::OrderState> StateOf(const nlohmann::json& order) {
  return domain::EnumByName(domain::OrderStates(), order.value("state", ""));
}

std::optional<domain::OrderType> TypeOf(const nlohmann::json& order) {
  return domain::EnumByName(domain::OrderTypes(), order.value("type", ""));
}

std::string Tail(const std::string& output) {
  std::string tail =
      output.size() > kMessageTail ? output.substr(output.size() - kMessageTail) : output;
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) tail.pop_back();
  return tail;
}

const std::string& CommandFor(const BackendCommands& commands, domain::OrderType type) {
  switch (type) {
    case domain::OrderType::kCreate: return commands.create;
    case domain::OrderType::kUpdate: return commands.update;
    case domain::OrderType::kTerminate: return commands.terminate;
  }
  return commands.create;
}

std::string RunName(const nlohmann::json& order, const char* step) {
  return order.value("uuid", "unknown") + "-" + step;
}

}  // namespace

OrderLoop::OrderLoop(AgentOptions options, Log log)
    : options_(std::move(options)),
      log_(std::move(log)),
      client_(options_.api_url, options_.token, options_.api_timeout) {}

CycleReport OrderLoop::RunOnce() {
  CycleReport report;
  std::vector<nlohmann::json> orders;
  try {
    orders = client_.OrdersToProcess(options_.offering_uuid);
  } catch (const BackendError& error) {
    log_(std::string("cannot list orders: ") + error.what() + " " + error.Detail());
    ++report.api_failures;
    return report;
  }
  for (const auto& order : orders) {
    const auto state = StateOf(order);
    try {
      if (state == domain::OrderState::kPendingProvider) {
        Review(order, report);
      } else if (state == domain::OrderState::kExecuting) {
        Execute(order, report);
      }
    } catch (const BackendError& error) {
      // The server failed us, not the backend: leave the order as it is for the next cycle.
      log_("order " + order.value("uuid", "") + ": " + error.what() + " " + error.Detail());
      ++report.api_failures;
      ++report.left;
    }
  }
  return report;
}

void OrderLoop::Review(const nlohmann::json& order, CycleReport& report) {
  const std::string uuid = order.value("uuid", "");
  if (options_.commands.review.empty()) {
    Approve(uuid, report);
    return;
  }
  const auto decision =
      RunBackendCommand(options_, options_.commands.review, RunName(order, "review"), order,
                        nlohmann::json::object());
  if (decision.exit_code == 0 && !decision.timed_out) {
    Approve(uuid, report);
  } else if (decision.exit_code == 1 && !decision.timed_out) {
    client_.RejectByProvider(uuid, decision.last_line);
    ++report.rejected;
    log_("order " + uuid + ": rejected by the review command: " + decision.last_line);
  } else {
    ++report.left;
  }
  ForgetBackendCommand(options_, RunName(order, "review"));
}

void OrderLoop::Approve(const std::string& order_uuid, CycleReport& report) {
  client_.ApproveByProvider(order_uuid);
  ++report.approved;
  log_("order " + order_uuid + ": approved");
  // As Waldur's agent does: read the order again and carry it out in the same cycle once the
  // server has moved it to executing (it may wait for a start date instead).
  const auto approved = client_.Order(order_uuid);
  if (StateOf(approved) == domain::OrderState::kExecuting) Execute(approved, report);
}

void OrderLoop::Execute(const nlohmann::json& order, CycleReport& report) {
  const std::string uuid = order.value("uuid", "");
  const auto type = TypeOf(order);
  if (!type) {
    ++report.left;
    return;
  }
  const std::string resource_uuid = order.value("marketplace_resource_uuid", "");
  const auto resource = client_.ProviderResource(resource_uuid);
  // A Create whose resource already has a backend_id was carried out by an earlier cycle that
  // could not report it: finish it without creating a second backend object.
  if (type == domain::OrderType::kCreate && !resource.value("backend_id", "").empty()) {
    FinishDone(uuid, report);
    return;
  }
  const std::string& command = CommandFor(options_.commands, *type);
  const std::string run_name = RunName(order, "execute");
  const auto result = command.empty()
                          ? CommandResult{.succeeded = true}
                          : RunBackendCommand(options_, command, run_name, order, resource);
  if (!result.succeeded) {
    const std::string tail = Tail(result.output);
    const std::string cause =
        result.timed_out
            ? "timed out after " + std::to_string(options_.command_timeout.count()) + " s"
            : "exited with status " + std::to_string(result.exit_code);
    const std::string message =
        result.timed_out || tail.empty() ? "Backend command " + cause + "." : tail;
    client_.SetStateErred(uuid, message,
                          "orderly-agent: " + order.value("type", "") + " command " + cause +
                              ". Output tail:\n" + tail);
    ForgetBackendCommand(options_, run_name);
    ++report.erred;
    log_("order " + uuid + ": erred: " + message);
    return;
  }
  if (type == domain::OrderType::kCreate && !result.last_line.empty()) {
    client_.SetResourceBackendId(resource_uuid, result.last_line);
  }
  FinishDone(uuid, report);
  ForgetBackendCommand(options_, run_name);
}

void OrderLoop::FinishDone(const std::string& order_uuid, CycleReport& report) {
  if (StateOf(client_.Order(order_uuid)) != domain::OrderState::kExecuting) {
    log_("order " + order_uuid + ": no longer executing, left as it is");
    ++report.left;
    return;
  }
  client_.SetStateDone(order_uuid);
  ++report.done;
  log_("order " + order_uuid + ": done");
}

}  // namespace orderly::agent
