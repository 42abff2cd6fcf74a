#include "config/command_line.hpp"

#include <iostream>
#include <stdexcept>

#include "config/config_file.hpp"

namespace orderly::config {

const Key& KeyOf(std::string_view option, Command command) {
  const Key* key = FindOption(option, command);
  if (key == nullptr) {
    throw std::logic_error(std::string(option) + " of " + std::string(CommandName(command)) +
                           " has no entry in src/config/keys.cpp");
  }
  return *key;
}

void ApplyKey(CLI::Option& option, const Key& key) {
  switch (key.kind) {
    case ValueKind::kText: break;
    case ValueKind::kInteger: option.check(CLI::Range(key.min, key.max)); break;
    case ValueKind::kChoice:
      option.check(CLI::IsMember(std::vector<std::string>(key.choices.begin(), key.choices.end())));
      break;
  }
  if (!key.env.empty()) option.envname(std::string(key.env));
  if (!key.default_value.empty()) {
    option.run_callback_for_default()->default_val(std::string(key.default_value));
  }
}

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
    // A shared file may hold keys of other commands (http.* for a worker): skipped.
    const Key* key = FindKey(setting.path, command);
    if (key == nullptr) continue;
    CLI::Option* option = app.get_option_no_throw(std::string(key->option));
    // Set on the command line or, through CLI11's envname, by its environment variable.
    if (option == nullptr || option->count() > 0) continue;
    try {
      option->add_result(setting.value);
      option->run_callback();
    } catch (const CLI::Error& error) {
      throw CLI::ValidationError(
          "--config", Describe(path, {setting.line, setting.path + ": " + error.what()}));
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
