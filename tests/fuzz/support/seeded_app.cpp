#include "support/seeded_app.hpp"

#include <sanitizer/common_interface_defs.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "api/observability/logging.hpp"
#include "service/demo.hpp"
#include "service/roles.hpp"
#include "service/secrets.hpp"
#include "service/users.hpp"
#include "support/private_directory.hpp"

namespace orderly::fuzz {
namespace {

namespace fs = std::filesystem;

// Which seeded object each placeholder names: the first row of the query that has one.
constexpr const char* kPlaceholderQueries[][2] = {
    {"@customer@", "SELECT uuid FROM customers ORDER BY id LIMIT 1"},
    {"@project@", "SELECT uuid FROM projects ORDER BY id LIMIT 1"},
    {"@offering@",
     "SELECT uuid FROM offerings ORDER BY type = 'Marketplace.Basic' DESC, id LIMIT 1"},
    {"@plan@",
     "SELECT p.uuid FROM plans p JOIN offerings o ON o.id = p.offering_id "
     "ORDER BY o.type = 'Marketplace.Basic' DESC, p.id LIMIT 1"},
    {"@order@", "SELECT uuid FROM orders ORDER BY id LIMIT 1"},
    {"@resource@", "SELECT uuid FROM resources ORDER BY id LIMIT 1"},
    {"@user@", "SELECT uuid FROM users ORDER BY id LIMIT 1"},
    {"@provider@", "SELECT uuid FROM service_providers ORDER BY id LIMIT 1"},
    {"@role@", "SELECT uuid FROM roles ORDER BY id LIMIT 1"},
    {"@issue@", "SELECT uuid FROM support_issues ORDER BY id LIMIT 1"},
};

// The directory goes when the process ends normally or a sanitizer ends it (a later run removes
// what a crash left).
std::string directory_to_remove;
void RemoveDirectory() {
  std::error_code ignored;
  if (!directory_to_remove.empty()) fs::remove_all(directory_to_remove, ignored);
}

// Logs at info level in the JSON format, so formatting every request line is exercised, into a
// sink that drops them.
void SilenceLogs() {
  spdlog::set_default_logger(
      std::make_shared<spdlog::logger>("orderly", std::make_shared<spdlog::sinks::null_sink_mt>()));
  api::observability::ConfigureLogging("info", "json");
}

}  // namespace

SeededApp& SeededApp::Instance() {
  static SeededApp app;
  return app;
}

SeededApp::SeededApp() : directory_(MakePrivateDirectory("app")) {
  directory_to_remove = directory_;
  std::atexit(RemoveDirectory);
  __sanitizer_set_death_callback(RemoveDirectory);
  SilenceLogs();
  if (const char* every = std::getenv("ORDERLY_FUZZ_RESET_EVERY")) {
    reset_every_ = std::max<std::size_t>(1, std::strtoul(every, nullptr, 10));
  }
  seeded_path_ = directory_ + "/seeded.db";
  live_path_ = directory_ + "/live.db";
  {
    auto store = store::Store::Open("sqlite:" + seeded_path_, 2);
    service::Context context{.store = *store, .clock = clock_};
    service::EnsureDefaultRoles(context);  // as every start of `orderly` does
    service::SeedDemo(context);
    service::CreateOrResetStaffUser(context, "fuzz-staff", "fuzz-staff-password");
    store->Write([&](store::Transaction& tx) {
      for (const auto& [username, token] : kTokens) {
        const auto user = tx.Users().FindByUsername(username);
        if (!user) throw std::logic_error(std::string("no seeded user ") + username);
        tx.Users().InsertToken(service::HashToken(token), user->user.id, clock_.Now());
      }
    });
    auto connection = store::Store::Connect("sqlite:" + seeded_path_);
    for (const auto& [placeholder, query] : kPlaceholderQueries) {
      const auto result = connection->Query(query);
      placeholders_[placeholder] = result.rows.empty() ? "" : result.rows.front().Text(0);
    }
  }  // closing the last connection folds the WAL into the file, so a plain copy is complete
  Open();
}

void SeededApp::Open() {
  app_.reset();
  context_.reset();
  store_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(live_path_ + suffix);
  fs::copy_file(seeded_path_, live_path_);
  store_ = store::Store::Open("sqlite:" + live_path_, 2);
  context_ =
      std::make_unique<service::Context>(service::Context{.store = *store_, .clock = clock_});
  app_ = std::make_unique<api::App>(*context_);
}

api::http::Response SeededApp::Handle(api::http::Request& request) {
  if (handled_ > 0 && handled_ % reset_every_ == 0) Open();
  ++handled_;
  return app_->Handle(request);
}

std::string SeededApp::Substitute(std::string text) const {
  for (const auto& [placeholder, uuid] : placeholders_) {
    for (std::size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + uuid.size())) {
      text.replace(at, placeholder.size(), uuid);
    }
  }
  return text;
}

}  // namespace orderly::fuzz
