#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "api/app.hpp"
#include "service/system_clock.hpp"
#include "store/store.hpp"

namespace orderly::fuzz {

// The whole API (api::App) over the demo data in a SQLite file of its own, for harnesses that feed
// complete requests through the router and the handlers. The database lives in a private temporary
// directory (on /dev/shm when there is one, so commits cost no disk flush) and is put back to the
// freshly seeded copy every `reset_every` requests, so what the fuzzer creates does not pile up.
class SeededApp {
 public:
  // Fixed tokens of demo users, so corpus entries can authenticate ("Authorization: Token ...").
  static constexpr const char* kTokens[][2] = {{"fuzz-staff", "fuzz-staff"},
                                               {"owner", "fuzz-owner"},
                                               {"project-member", "fuzz-member"},
                                               {"provider-owner", "fuzz-provider"}};

  // Built on first use; ORDERLY_FUZZ_RESET_EVERY overrides how often the data is put back.
  static SeededApp& Instance();

  api::http::Response Handle(api::http::Request& request);

  // Replaces the placeholders @customer@, @project@, @offering@, @plan@, @order@, @resource@,
  // @user@, @provider@, @role@ and @issue@ with the uuid of a seeded object of that kind, so corpus
  // entries can name objects whose uuids are random in every run.
  std::string Substitute(std::string text) const;

 private:
  SeededApp();
  void Open();

  std::string directory_;
  std::string seeded_path_;
  std::string live_path_;
  std::map<std::string, std::string> placeholders_;
  std::size_t reset_every_ = 2000;
  std::size_t handled_ = 0;
  service::SystemClock clock_;
  std::unique_ptr<api::App> app_;
  std::unique_ptr<service::Context> context_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace orderly::fuzz
