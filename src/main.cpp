// orderly: wiring only. Parses the command line, opens the store, starts the server.
#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "api/app.hpp"
#include "api/http/server.hpp"
#include "api/observability/logging.hpp"
#include "api/observability/transition_log.hpp"
#include "config/command_line.hpp"
#include "domain/error.hpp"
#include "processing/callbacks/callback_sender.hpp"
#include "processing/periodic_runner.hpp"
#include "processing/registry.hpp"
#include "processing/worker_pool.hpp"
#include "service/demo.hpp"
#include "service/file_clock.hpp"
#include "service/roles.hpp"
#include "service/secrets.hpp"
#include "service/system_clock.hpp"
#include "service/users.hpp"
#include "store/store_copy.hpp"

namespace {

using namespace orderly;

// The defaults, ranges and ORDERLY_* variables of these options are in src/config/keys.cpp
// (config::Bind sets them), not here.

// What `serve` and `worker` share: the background half (jobs, periodic jobs, callbacks) and logs.
struct BackgroundOptions {
  int periodic_interval = 0;
  std::string clock_file;  // tests only: read "now" from this file
  int script_timeout = 0;
  int lease_seconds = 0;
  std::string script_runs_directory;  // empty: beside a SQLite file, else in the temp directory
  // How other orderly instances reach this one (callback_url of Remote orders); empty on serve:
  // the address it listens on; empty on a worker: rely on periodic pulls.
  std::string public_url;
  int remote_timeout = 0;
  std::string log_level;
  std::string log_format;
  service::Limits limits;
};

struct ServeOptions {
  std::string db;
  std::string listen;
  int workers = 0;
  int threads = 0;
  // Slow-loris guard: the whole request must arrive within this (ServerOptions::read_timeout).
  int read_timeout = 0;
  std::size_t max_connections = 0;  // beyond: accepted and closed at once
  std::string web_root;  // empty: the web-dist directory beside the binary, when the build made it
  BackgroundOptions background;
};

// The build writes the web UI into <build dir>/web-dist, beside the binary.
std::optional<std::filesystem::path> WebRoot(const std::string& option) {
  namespace fs = std::filesystem;
  if (!option.empty()) {
    if (!fs::is_regular_file(fs::path(option) / "index.html")) {
      throw CLI::ValidationError("--web-root", "no index.html in '" + option + "'");
    }
    return fs::path(option);
  }
  std::error_code error;
  const fs::path beside = fs::read_symlink("/proc/self/exe", error).parent_path() / "web-dist";
  if (!error && fs::is_regular_file(beside / "index.html")) return beside;
  spdlog::warn("no web UI at {}: serving the API only (build the web target or pass --web-root)",
               beside.string());
  return std::nullopt;
}

// `orderly worker`: the background half of `serve` (jobs and periodic jobs), no HTTP.
struct WorkerCommandOptions {
  std::string db;
  int workers = 0;
  BackgroundOptions background;
};

// --log-level and --log-format, the same on every long-running command.
void AddLogOptions(CLI::App* command, config::Command which, std::string& level,
                   std::string& format) {
  config::Bind(command, which, "--log-level", level,
               "trace, debug, info (a line per request and per transition), warn, error, off");
  config::Bind(command, which, "--log-format", format, "text or json (one JSON object per line)");
}

std::pair<std::string, unsigned short> SplitListen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT");
  const std::string host = listen.substr(0, colon);
  int port = -1;
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
  }
  if (host.empty() || port < 0 || port > 65535) {
    throw CLI::ValidationError("--listen", "expected HOST:PORT, got '" + listen + "'");
  }
  return {host, static_cast<unsigned short>(port)};
}

std::unique_ptr<store::Store> OpenStore(const std::string& url, int connections) {
  auto store = store::Store::Open(url, connections);
  service::SystemClock clock;
  service::Context context{*store, clock};
  service::EnsureDefaultRoles(context);
  return store;
}

// Script runs are recorded next to a SQLite file (one machine), else in the temp directory.
std::string ScriptRunsDirectory(const std::string& db, const std::string& chosen = {}) {
  if (!chosen.empty()) return chosen;
  constexpr std::string_view kSqlite = "sqlite:";
  if (db.starts_with(kSqlite)) return db.substr(kSqlite.size()) + ".script-runs";
  return (std::filesystem::temp_directory_path() / "orderly-script-runs").string();
}

processing::RegistryOptions RegistryOptionsOf(const std::string& db,
                                              const BackgroundOptions& options) {
  return {.script_timeout_seconds = options.script_timeout,
          .script_runs_directory = ScriptRunsDirectory(db, options.script_runs_directory),
          .public_url = options.public_url,
          .remote_timeout = std::chrono::seconds(options.remote_timeout)};
}

// The options of BackgroundOptions, registered the same way on serve and worker.
void AddBackgroundOptions(CLI::App* command, config::Command which, BackgroundOptions& options) {
  config::Bind(command, which, "--periodic-interval", options.periodic_interval,
               "seconds between periodic jobs");
  config::Bind(command, which, "--script-timeout", options.script_timeout,
               "seconds a Marketplace.Script script may run");
  config::Bind(command, which, "--execution-timeout", options.limits.execution_timeout_seconds,
               "seconds an order of an automated type may stay executing");
  config::Bind(command, which, "--stuck-after", options.limits.stuck_after_seconds,
               "seconds after which a Creating/Updating/Terminating resource counts as stuck");
  config::Bind(command, which, "--lease-seconds", options.lease_seconds,
               "seconds after which a job of a dead worker is taken again");
  config::Bind(
      command, which, "--script-runs-dir", options.script_runs_directory,
      "where script runs are recorded (default: beside a SQLite file, else the temp directory)");
  config::Bind(command, which, "--public-url", options.public_url,
               "URL other orderly instances reach the API at, for Remote offering callbacks "
               "(serve's default: http://LISTEN)");
  config::Bind(command, which, "--remote-timeout", options.remote_timeout,
               "seconds a call to a remote instance may take");
  // Tests inject time through this file; it is not part of the documented interface.
  command->add_option("--clock-file", options.clock_file)->group("");
  AddLogOptions(command, which, options.log_level, options.log_format);
}

int Serve(const ServeOptions& options) {
  const BackgroundOptions& background = options.background;
  api::observability::ConfigureLogging(background.log_level, background.log_format);
  const auto [host, port] = SplitListen(options.listen);
  const auto web_root = WebRoot(options.web_root);
  // Request threads, workers (each with a lease keeper), the periodic runner and its lock.
  auto store = OpenStore(options.db, options.threads + 2 * options.workers + 3);
  service::FileClock clock(background.clock_file);
  processing::Registry processors(RegistryOptionsOf(options.db, background));
  api::observability::LoggedTransitions transition_log;
  service::Context context{*store, clock, &processors, background.limits, &transition_log};
  api::App app(context, web_root);
  processing::PeriodicRunner periodic(context, std::chrono::seconds(background.periodic_interval));
  processing::WorkerPool workers(
      context, processors, {.workers = options.workers, .lease_seconds = background.lease_seconds});
  // Callbacks to other instances leave from the outbox, like jobs, where workers run.
  std::optional<processing::callbacks::CallbackSender> callbacks;
  if (options.workers > 0)
    callbacks.emplace(context, processing::callbacks::CallbackSenderOptions{});
  api::http::ServerOptions server_options{
      .host = host,
      .port = port,
      .read_timeout = std::chrono::seconds(options.read_timeout),
      .threads = options.threads,
      .max_connections = options.max_connections};
  api::http::Server server(server_options,
                           [&app](api::http::Request& request) { return app.Handle(request); });
  const unsigned short bound = server.Listen();
  if (background.public_url.empty())
    processors.SetPublicUrl("http://" + host + ":" + std::to_string(bound));
  server.StopOnSignals();
  // Tests and scripts wait for this line; keep its shape.
  std::cout << "orderly listening on http://" << host << ":" << bound << std::endl;
  server.Run();
  spdlog::info("orderly stopped");
  return 0;
}

int Work(const WorkerCommandOptions& options) {
  const BackgroundOptions& background = options.background;
  api::observability::ConfigureLogging(background.log_level, background.log_format);
  // SIGTERM and SIGINT are taken by sigwait below; block them before any thread starts so every
  // thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto store = OpenStore(options.db, 2 * options.workers + 4);
  service::FileClock clock(background.clock_file);
  processing::Registry processors(RegistryOptionsOf(options.db, background));
  api::observability::LoggedTransitions transition_log;
  service::Context context{*store, clock, &processors, background.limits, &transition_log};
  processing::PeriodicRunner periodic(context, std::chrono::seconds(background.periodic_interval));
  {
    processing::callbacks::CallbackSender callbacks(context,
                                                    processing::callbacks::CallbackSenderOptions{});
    processing::WorkerPool workers(
        context, processors,
        {.workers = options.workers, .lease_seconds = background.lease_seconds});
    // Tests and scripts wait for this line; keep its shape.
    std::cout << "orderly worker running with " << options.workers << " workers" << std::endl;
    int received = 0;
    sigwait(&stop_signals, &received);
    spdlog::info("orderly worker stopping: letting running jobs finish");
  }
  spdlog::info("orderly worker stopped");
  return 0;
}

// A command that takes --config, with the file it was given.
struct ConfigurableCommand {
  const std::string& file;
  config::Command command;
  CLI::App* app;
};

int MigrateStore(const std::string& from, const std::string& to) {
  const auto report = store::CopyStore(from, to);
  for (const auto& [table, rows] : report.rows_per_table)
    std::cout << table << ": " << rows << " rows\n";
  std::cout << "copied " << from << " to " << to << "; row counts match" << std::endl;
  return 0;
}

int CreateStaffUser(const std::string& db, const std::string& username,
                    const std::string& password) {
  auto store = OpenStore(db, 1);
  service::SystemClock clock;
  service::Context context{*store, clock};
  const auto user = service::CreateOrResetStaffUser(context, username, password);
  std::cout << "staff user " << user.username << " (" << user.uuid << ") is ready" << std::endl;
  return 0;
}

int Demo(const std::string& db) {
  auto store = OpenStore(db, 1);
  service::SystemClock clock;
  // Orders reaching executing are queued for the workers of the next `orderly serve`.
  processing::Registry processors({.script_runs_directory = ScriptRunsDirectory(db)});
  service::Context context{*store, clock, &processors};
  const auto logins = service::SeedDemo(context);
  std::cout << "Demo data is in " << db << ". Logins (username / password):\n";
  for (const auto& login : logins) {
    std::cout << "  " << login.username << " / " << login.password << "  - " << login.what << "\n";
  }
  std::cout
      << "The Remote offering \"Partner cloud (remote)\" is not connected to another instance;\n"
         "README.md, section \"Federation\", shows how to run a second orderly and connect one.\n";
  std::cout.flush();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"orderly: marketplace order management"};
  cli.require_subcommand(1);

  using config::Command;
  ServeOptions serve_options;
  auto* serve = cli.add_subcommand("serve", "Serve the API and the web UI");
  config::Bind(serve, Command::kServe, "--db", serve_options.db, "sqlite:PATH or postgresql://...");
  config::Bind(serve, Command::kServe, "--listen", serve_options.listen, "HOST:PORT");
  config::Bind(serve, Command::kServe, "--workers", serve_options.workers,
               "background workers; 0 for none");
  config::Bind(serve, Command::kServe, "--threads", serve_options.threads, "HTTP threads");
  config::Bind(serve, Command::kServe, "--read-timeout", serve_options.read_timeout,
               "seconds a client has to send a whole request (headers and body)");
  config::Bind(serve, Command::kServe, "--max-connections", serve_options.max_connections,
               "open connections beyond which new ones are closed at once");
  config::Bind(serve, Command::kServe, "--web-root", serve_options.web_root,
               "directory of the built web UI (default: web-dist beside the binary)");
  AddBackgroundOptions(serve, Command::kServe, serve_options.background);
  std::string serve_config;
  config::AddConfigOption(serve, serve_config);

  WorkerCommandOptions worker_options;
  auto* worker =
      cli.add_subcommand("worker", "Run background jobs and periodic jobs only (no HTTP)");
  config::Bind(worker, Command::kWorker, "--db", worker_options.db,
               "sqlite:PATH or postgresql://...");
  config::Bind(worker, Command::kWorker, "--workers", worker_options.workers, "job threads");
  AddBackgroundOptions(worker, Command::kWorker, worker_options.background);
  std::string worker_config;
  config::AddConfigOption(worker, worker_config);

  std::string checked_config;
  auto* config_command = cli.add_subcommand("config", "Work with configuration files");
  config_command->require_subcommand(1);
  auto* config_check = config_command->add_subcommand(
      "check",
      "Report every unknown key and invalid value of a configuration file (the keys of every "
      "command, orderly-agent's [agent] section included)");
  config_check->add_option("FILE", checked_config, "the TOML file")->required();

  std::string staff_db;
  std::string username;
  std::string password;
  auto* staff = cli.add_subcommand("createstaffuser", "Create a staff user, or reset one");
  config::Bind(staff, Command::kCreateStaffUser, "--db", staff_db,
               "sqlite:PATH or postgresql://...");
  staff->add_option("--username", username, "user name")->required();
  staff->add_option("--password", password, "password (at least 8 characters)")->required();
  std::string staff_config;
  config::AddConfigOption(staff, staff_config);

  std::string demo_db;
  auto* demo = cli.add_subcommand("demo", "Seed demo data and print the demo logins");
  config::Bind(demo, Command::kDemo, "--db", demo_db, "sqlite:PATH or postgresql://...");
  std::string demo_config;
  config::AddConfigOption(demo, demo_config);

  // migrate-store names both of its stores on every run: nothing to take from a file.
  std::string copy_from;
  std::string copy_to;
  auto* migrate_store =
      cli.add_subcommand("migrate-store", "Copy every table of one store into an empty one");
  migrate_store->add_option("--from", copy_from, "the store to copy, e.g. sqlite:orderly.db")
      ->required();
  migrate_store
      ->add_option("--to", copy_to, "the empty store to fill, e.g. postgresql://host/orderly")
      ->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error) == 0 ? 0 : 2;
  }

  try {
    if (*config_check) return config::CheckConfigFile(checked_config);
    const ConfigurableCommand configurable[] = {{serve_config, Command::kServe, serve},
                                                {worker_config, Command::kWorker, worker},
                                                {staff_config, Command::kCreateStaffUser, staff},
                                                {demo_config, Command::kDemo, demo}};
    for (const auto& [file, command, app] : configurable) {
      if (!file.empty()) config::ApplyConfigFile(file, command, *app);
    }
    service::InitSecrets();
    if (*serve) return Serve(serve_options);
    if (*worker) return Work(worker_options);
    if (*staff) return CreateStaffUser(staff_db, username, password);
    if (*demo) return Demo(demo_db);
    if (*migrate_store) return MigrateStore(copy_from, copy_to);
  } catch (const CLI::ValidationError& error) {
    std::cerr << "orderly: " << error.what() << std::endl;
    return 2;
  } catch (const orderly::Error& error) {
    std::cerr << "orderly: " << error.field() << (error.field().empty() ? "" : ": ")
              << error.message() << std::endl;
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "orderly: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}
