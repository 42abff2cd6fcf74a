#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace orderly::processing::script {

struct ScriptRun {
  std::string interpreter;  // absolute path: /bin/sh or /usr/bin/python3
  std::string body;
  std::vector<std::pair<std::string, std::string>> environment;  // the child's whole environment
  std::chrono::seconds timeout{1800};
  // The run's own directory, named after the job so that it outlives a crash of the server:
  // the working directory of the script, and the record of its pid, output and exit status.
  std::filesystem::path directory;
};

struct ScriptOutcome {
  bool started = false;  // false: the child could not be created (see `output`)
  bool timed_out = false;
  bool recovered = false;  // finished under an earlier server process; its record was read
  int exit_code = -1;
  std::string output;  // stdout and stderr interleaved, as a container's log would be
};

// Runs the script as a child process with only the given environment, in its own process group
// (killed whole on time-out). The child outlives a crash of the server and records its exit status
// in `directory`; a later run with the same directory reads that record, or waits for the
// still-running child, instead of running the script a second time.
ScriptOutcome RunScript(const ScriptRun& run);

// Removes the run's directory once its result is safely stored.
void ForgetScriptRun(const std::filesystem::path& directory);

}  // namespace orderly::processing::script
