// orderly-agent: a reference site agent for one Marketplace.Slurm offering (spec processing.md
// §12). Wiring only: parses the command line and runs the order loop every period.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <thread>

#include "agent/order_loop.hpp"

namespace {

std::atomic<bool> stopping{false};

void RequestStop(int) { stopping = true; }

std::string EnvOr(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : std::move(fallback);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace orderly::agent;
  AgentOptions options;
  options.api_url = EnvOr("ORDERLY_AGENT_API_URL", "http://127.0.0.1:8080");
  options.token = EnvOr("ORDERLY_AGENT_TOKEN", "");
  int command_timeout = 1800;
  int api_timeout = 30;
  int period = 300;
  bool once = false;
  std::string state_directory;

  CLI::App app{"orderly-agent: processes the orders of one offering with site-defined commands"};
  app.add_option("--api-url", options.api_url, "orderly's address (env ORDERLY_AGENT_API_URL)");
  app.add_option(
      "--token", options.token,
      "API token of a user who manages the offering (env ORDERLY_AGENT_TOKEN, preferred: "
      "a command-line token shows in the process list)");
  app.add_option("--offering", options.offering_uuid, "the offering's uuid")->required();
  app.add_option("--create-command", options.commands.create, "shell command for Create orders");
  app.add_option("--update-command", options.commands.update, "shell command for Update orders");
  app.add_option("--terminate-command", options.commands.terminate,
                 "shell command for Terminate orders");
  app.add_option("--review-command", options.commands.review,
                 "decides pending-provider orders: exit 0 approve, 1 reject, else wait (default: "
                 "approve all)");
  app.add_option("--command-timeout", command_timeout, "seconds before a command is killed")
      ->check(CLI::PositiveNumber);
  app.add_option("--api-timeout", api_timeout, "seconds to wait for orderly")
      ->check(CLI::PositiveNumber);
  app.add_option("--period", period, "seconds between cycles")->check(CLI::PositiveNumber);
  app.add_option("--state-dir", state_directory,
                 "where command runs are recorded (default: /tmp/orderly-agent-<offering>)");
  app.add_flag("--once", once, "run one cycle and exit");
  CLI11_PARSE(app, argc, argv);

  if (options.token.empty()) {
    std::cerr << "orderly-agent: no token (--token or ORDERLY_AGENT_TOKEN)\n";
    return 2;
  }
  options.command_timeout = std::chrono::seconds(command_timeout);
  options.api_timeout = std::chrono::seconds(api_timeout);
  options.period = std::chrono::seconds(period);
  options.state_directory =
      state_directory.empty() ? "/tmp/orderly-agent-" + options.offering_uuid : state_directory;

  std::signal(SIGTERM, RequestStop);
  std::signal(SIGINT, RequestStop);
  OrderLoop loop(options, [](const std::string& line) { spdlog::info("{}", line); });
  while (true) {
    const auto report = loop.RunOnce();
    spdlog::info("cycle: {} approved, {} rejected, {} done, {} erred, {} left, {} API failures",
                 report.approved, report.rejected, report.done, report.erred, report.left,
                 report.api_failures);
    if (once) return report.api_failures == 0 ? 0 : 1;
    for (int waited = 0; waited < period * 10 && !stopping; ++waited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (stopping) return 0;
  }
}
