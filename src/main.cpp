// orderly: wiring only. Parses the command line, opens the store, starts the server.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "api/app.hpp"
#include "api/http/server.hpp"
#include "domain/error.hpp"
#include "processing/callbacks/callback_sender.hpp"
#include "processing/registry.hpp"
#include "processing/worker_pool.hpp"
#include "service/demo.hpp"
#include "service/file_clock.hpp"
#include "service/orders/periodic_jobs.hpp"
#include "service/roles.hpp"
#include "service/secrets.hpp"
#include "service/system_clock.hpp"
#include "service/users.hpp"

namespace {

using namespace orderly;

std::string EnvOr(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : std::move(fallback);
}

struct ServeOptions {
  std::string db = EnvOr("ORDERLY_DB", "sqlite:orderly.db");
  std::string listen = EnvOr("ORDERLY_LISTEN", "127.0.0.1:8080");
  int workers = 1;
  int periodic_interval = 60;
  // How other orderly instances reach this one (callback_url of Remote orders); default: the
  // address it listens on.
  std::string public_url = EnvOr("ORDERLY_PUBLIC_URL", "");
  int remote_timeout = 10;
  int threads = 4;
  std::string clock_file;  // tests only: read "now" from this file
  int script_timeout = 1800;
  service::Limits limits;
};

// Runs the periodic jobs every `interval` until stopped.
class PeriodicRunner {
 public:
  PeriodicRunner(service::Context& context, std::chrono::seconds interval)
      : thread_([this, &context, interval] { Loop(context, interval); }) {}
  ~PeriodicRunner() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void Loop(service::Context& context, std::chrono::seconds interval) {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
      lock.unlock();
      try {
        const auto report = service::RunPeriodicJobs(context);
        if (report.pending_project_released + report.pending_start_date_released > 0) {
          spdlog::info("periodic jobs released {} pending-project and {} pending-start-date orders",
                       report.pending_project_released, report.pending_start_date_released);
        }
      } catch (const std::exception& error) {
        spdlog::error("periodic jobs failed: {}", error.what());
      }
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

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
std::string ScriptRunsDirectory(const std::string& db) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (db.starts_with(kSqlite)) return db.substr(kSqlite.size()) + ".script-runs";
  return (std::filesystem::temp_directory_path() / "orderly-script-runs").string();
}

int Serve(const ServeOptions& options) {
  const auto [host, port] = SplitListen(options.listen);
  auto store = OpenStore(options.db, options.threads + 2);
  service::FileClock clock(options.clock_file);
  processing::Registry processors({.script_timeout_seconds = options.script_timeout,
                                   .script_runs_directory = ScriptRunsDirectory(options.db),
                                   .public_url = options.public_url,
                                   .remote_timeout = std::chrono::seconds(options.remote_timeout)});
  service::Context context{*store, clock, &processors, options.limits};
  api::App app(context);
  PeriodicRunner periodic(context, std::chrono::seconds(options.periodic_interval));
  processing::WorkerPool workers(context, processors, {.workers = options.workers});
  // Callbacks to other instances leave from the outbox, like jobs, where workers run.
  std::optional<processing::callbacks::CallbackSender> callbacks;
  if (options.workers > 0)
    callbacks.emplace(context, processing::callbacks::CallbackSenderOptions{});
  api::http::ServerOptions server_options{.host = host, .port = port, .threads = options.threads};
  api::http::Server server(server_options,
                           [&app](api::http::Request& request) { return app.Handle(request); });
  const unsigned short bound = server.Listen();
  if (options.public_url.empty())
    processors.SetPublicUrl("http://" + host + ":" + std::to_string(bound));
  server.StopOnSignals();
  // Tests and scripts wait for this line; keep its shape.
  std::cout << "orderly listening on http://" << host << ":" << bound << std::endl;
  server.Run();
  spdlog::info("orderly stopped");
  return 0;
}

int CreateStaffUser(const std::string& db, const std::string& username, const std::string& password) {
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

  ServeOptions serve_options;
  auto* serve = cli.add_subcommand("serve", "Serve the API and the web UI");
  serve->add_option("--db", serve_options.db, "sqlite:PATH or postgresql://... (env ORDERLY_DB)");
  serve->add_option("--listen", serve_options.listen, "HOST:PORT (env ORDERLY_LISTEN)");
  serve->add_option("--workers", serve_options.workers, "background workers; 0 for none")
      ->check(CLI::Range(0, 64));
  serve->add_option("--periodic-interval", serve_options.periodic_interval,
                    "seconds between periodic jobs")
      ->check(CLI::Range(1, 86400));
  serve->add_option("--threads", serve_options.threads, "HTTP threads")->check(CLI::Range(1, 256));
  serve->add_option("--script-timeout", serve_options.script_timeout,
                    "seconds a Marketplace.Script script may run")
      ->check(CLI::Range(1, 86400));
  serve->add_option("--execution-timeout", serve_options.limits.execution_timeout_seconds,
                    "seconds an order of an automated type may stay executing")
      ->check(CLI::Range(1, 30 * 86400));
  serve->add_option("--stuck-after", serve_options.limits.stuck_after_seconds,
                    "seconds after which a Creating/Updating/Terminating resource counts as stuck")
      ->check(CLI::Range(1, 30 * 86400));
  serve->add_option("--public-url", serve_options.public_url,
                    "URL other orderly instances reach this one at, for Remote offering callbacks "
                    "(env ORDERLY_PUBLIC_URL; default: http://LISTEN)");
  serve
      ->add_option("--remote-timeout", serve_options.remote_timeout,
                   "seconds a call to a remote instance may take")
      ->check(CLI::Range(1, 600));
  // Tests inject time through this file; it is not part of the documented interface.
  serve->add_option("--clock-file", serve_options.clock_file)->group("");

  std::string db = EnvOr("ORDERLY_DB", "sqlite:orderly.db");
  std::string username;
  std::string password;
  auto* staff = cli.add_subcommand("createstaffuser", "Create a staff user, or reset one");
  staff->add_option("--db", db, "sqlite:PATH or postgresql://...");
  staff->add_option("--username", username, "user name")->required();
  staff->add_option("--password", password, "password (at least 8 characters)")->required();

  auto* demo = cli.add_subcommand("demo", "Seed demo data and print the demo logins");
  demo->add_option("--db", db, "sqlite:PATH or postgresql://...");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error) == 0 ? 0 : 2;
  }

  try {
    service::InitSecrets();
    if (*serve) return Serve(serve_options);
    if (*staff) return CreateStaffUser(db, username, password);
    if (*demo) return Demo(db);
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
