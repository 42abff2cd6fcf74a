#pragma once
// Ties the configuration file to CLI11: `--config FILE` on a command, and the file's values applied
// to the options neither the command line nor the environment set (command line > environment >
// file > defaults).
#include <CLI/CLI.hpp>
#include <string>

#include "config/keys.hpp"

namespace orderly::config {

void AddConfigOption(CLI::App* command, std::string& path);

// Throws CLI::ValidationError naming the file and line of the first value that does not fit, or
// listing every problem of the file.
void ApplyConfigFile(const std::string& path, Command command, CLI::App& app);

// `orderly config check FILE`: prints every problem (or that the file is fine); 0 when fine.
int CheckConfigFile(const std::string& path);

}  // namespace orderly::config
