// orderly-agent: a reference site agent for one Marketplace.Slurm offering (spec processing.md
// §12). Wiring only: parses the command line and runs the order loop every period.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include "agent/order_loop.hpp"
#include "config/command_line.hpp"

namespace {

std::atomic<bool> stopping{false};

void RequestStop(int) { stopping = true; }

}  // namespace

int main(int argc, char** argv) {
  using namespace orderly::agent;
  using orderly::config::Bind;
  constexpr auto kAgent = orderly::config::Command::kAgent;
  AgentOptions options;
  int command_timeout = 0;
  int api_timeout = 0;
  int period = 0;
  bool once = false;
  std::string state_directory;
  std::string config_file;

  // Defaults, ranges and ORDERLY_AGENT_* variables: src/config/keys.cpp ([agent] section).
  CLI::App app{"orderly-agent: processes the orders of one offering with site-defined commands"};
  Bind(&app, kAgent, "--api-url", options.api_url, "orderly's address");
  Bind(&app, kAgent, "--token", options.token,
       "API token of a user who manages the offering (prefer the environment variable or the "
       "configuration file: a command-line token shows in the process list)");
  Bind(&app, kAgent, "--offering", options.offering_uuid, "the offering's uuid (required)");
  Bind(&app, kAgent, "--create-command", options.commands.create,
       "shell command for Create orders");
  Bind(&app, kAgent, "--update-command", options.commands.update,
       "shell command for Update orders");
  Bind(&app, kAgent, "--terminate-command", options.commands.terminate,
       "shell command for Terminate orders");
  Bind(&app, kAgent, "--review-command", options.commands.review,
       "decides pending-provider orders: exit 0 approve, 1 reject, else wait (default: "
       "approve all)");
  Bind(&app, kAgent, "--command-timeout", command_timeout, "seconds before a command is killed");
  Bind(&app, kAgent, "--api-timeout", api_timeout, "seconds to wait for orderly");
  Bind(&app, kAgent, "--period", period, "seconds between cycles");
  Bind(&app, kAgent, "--state-dir", state_directory,
       "where command runs are recorded (default: /tmp/orderly-agent-<offering>)");
  orderly::config::AddConfigOption(&app, config_file);
  app.add_flag("--once", once, "run one cycle and exit");
  CLI11_PARSE(app, argc, argv);

  try {
    if (!config_file.empty()) orderly::config::ApplyConfigFile(config_file, kAgent, app);
  } catch (const CLI::ValidationError& error) {
    std::cerr << "orderly-agent: " << error.what() << "\n";
    return 2;
  }
  // Required, but possibly from the file, so checked after it was read.
  if (options.offering_uuid.empty()) {
    std::cerr << "orderly-agent: no offering (--offering, ORDERLY_AGENT_OFFERING or "
                 "agent.offering in --config)\n";
    return 2;
  }
  if (options.token.empty()) {
    std::cerr << "orderly-agent: no token (--token, ORDERLY_AGENT_TOKEN or agent.token in "
                 "--config)\n";
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
