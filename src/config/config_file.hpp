#pragma once
// Reads a TOML configuration file against the key table (keys.hpp): the values it sets, as the
// command-line text of their options, and every unknown key and invalid value with its line.
#include <string>
#include <vector>

#include "config/keys.hpp"

namespace orderly::config {

struct Setting {
  std::string path;   // the key, "section.name"
  std::string value;  // as it would be written on the command line
  int line = 0;
};

struct Problem {
  int line = 0;  // 0: the file as a whole (cannot be read)
  std::string message;
};

struct ConfigFile {
  std::vector<Setting> settings;
  std::vector<Problem> problems;
};

ConfigFile ReadConfigFile(const std::string& path);

// "PATH:LINE: message", the shape compilers use, so editors can jump to the line.
std::string Describe(const std::string& path, const Problem& problem);

}  // namespace orderly::config
