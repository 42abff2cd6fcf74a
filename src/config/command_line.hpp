#pragma once
// Ties the key table (keys.hpp) to CLI11: every setting is registered through `Bind`, so its range,
// choices, default and environment variable come from the table; `--config FILE` on a command
// applies the file's values to the options neither the command line nor the environment set
// (command line > environment > file > defaults).
#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "config/keys.hpp"

namespace orderly::config {

// The table's entry of `option` for `command`; throws std::logic_error when it has none (a
// programming mistake: the option was added to a command but not to the table).
const Key& KeyOf(std::string_view option, Command command);

// Adds the range or choices check, the environment variable and the default of `key` to an option
// (the default is validated by the check and stored into the bound variable).
void ApplyKey(CLI::Option& option, const Key& key);

template <typename T>
CLI::Option* Bind(CLI::App* app, Command command, std::string_view option, T& variable,
                  std::string help) {
  const Key& key = KeyOf(option, command);
  CLI::Option* added = app->add_option(std::string(option), variable, std::move(help));
  ApplyKey(*added, key);
  return added;
}

void AddConfigOption(CLI::App* command, std::string& path);

// Throws CLI::ValidationError naming the file and line of the first value that does not fit, or
// listing every problem of the file. Keys of other commands are checked but not applied.
void ApplyConfigFile(const std::string& path, Command command, CLI::App& app);

// `orderly config check FILE`: prints every problem (or that the file is fine); 0 when fine.
int CheckConfigFile(const std::string& path);

}  // namespace orderly::config
