#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace orderly::agent {

// The shell commands that stand for the site's backend (sacctmgr, an Ansible run, ...). Each runs
// with /bin/sh -c and the order described in its environment (see backend_commands.hpp).
struct BackendCommands {
  std::string create;
  std::string update;
  std::string terminate;
  // Optional: decides on pending-provider orders. Exit 0 accepts, 1 rejects (the last output line
  // is the rejection comment), anything else leaves the order for the next cycle. Empty: accept
  // all.
  std::string review;
};

struct AgentOptions {
  std::string api_url;  // e.g. http://127.0.0.1:8080
  std::string token;    // an API token of a user who manages the offering
  std::string offering_uuid;
  BackendCommands commands;
  std::chrono::seconds command_timeout{1800};
  std::chrono::seconds api_timeout{30};
  std::chrono::seconds period{300};
  // Where each command run keeps its output and exit status, so that an agent restarted after a
  // crash reads a finished run instead of running the command twice.
  std::filesystem::path state_directory;
};

}  // namespace orderly::agent
