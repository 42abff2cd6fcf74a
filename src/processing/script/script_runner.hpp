#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace orderly::processing::script {

struct ScriptRun {
  std::string interpreter;  // absolute path: /bin/sh or /usr/bin/python3
  std::string body;
  std::vector<std::pair<std::string, std::string>> environment;  // the child's whole environment
  std::chrono::seconds timeout{1800};
};

struct ScriptOutcome {
  bool started = false;  // false: the child could not be created (see `output`)
  bool timed_out = false;
  int exit_code = -1;
  std::string output;  // stdout and stderr interleaved, as a container's log would be
};

// Runs the script as a child process with only the given environment, in a fresh working
// directory of its own, in its own process group (killed whole on time-out), and dying with its
// parent so that a crashed server leaves no script running behind its back.
ScriptOutcome RunScript(const ScriptRun& run);

}  // namespace orderly::processing::script
