#include "config/command_line.hpp"

#include <cstdlib>
#include <iostream>

#include "config/config_file.hpp"

namespace orderly::config {
namespace {

bool SetInEnvironment(const Key& key) {
  if (key.env.empty()) return false;
  const char* value = std::getenv(std::string(key.env).c_str());
  return value != nullptr && *value != '\0';
}

}  // namespace

void AddConfigOption(CLI::App* command, std::string& path) {
  command
      ->add_option("--config", path,
                   "TOML file with defaults for these options (`orderly config check` lists the "
                   "keys); the command line and ORDERLY_* variables win over it")
      ->check(CLI::ExistingFile);
}

void ApplyConfigFile(const std::string& path, Command command, CLI::App& app) {
  const auto file = ReadConfigFile(path);
  if (!file.problems.empty()) {
    std::string text = "the configuration file has problems:";
    for (const auto& problem : file.problems) text += "\n  " + Describe(path, problem);
    throw CLI::ValidationError("--config", text);
  }
  for (const auto& setting : file.settings) {
    // A shared file may hold keys of the other command (http.* for a worker): skipped.
    if (!TakenBy(*setting.key, command)) continue;
    CLI::Option* option = app.get_option_no_throw(std::string(setting.key->option));
    if (option == nullptr || option->count() > 0 || SetInEnvironment(*setting.key)) continue;
    try {
      option->add_result(setting.value);
      option->run_callback();
    } catch (const CLI::Error& error) {
      throw CLI::ValidationError(
          "--config",
          Describe(path, {setting.line, std::string(setting.key->path) + ": " + error.what()}));
    }
  }
}

int CheckConfigFile(const std::string& path) {
  const auto file = ReadConfigFile(path);
  for (const auto& problem : file.problems) std::cout << Describe(path, problem) << "\n";
  if (file.problems.empty()) {
    std::cout << path << ": ok (" << file.settings.size() << " settings)\n";
  }
  std::cout.flush();
  return file.problems.empty() ? 0 : 1;
}

}  // namespace orderly::config
