#include "processing/script/script_runner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace orderly::processing::script {
namespace {

// Output beyond this is cut from the front: the tail holds the result line and the error.
constexpr std::size_t kMaxOutput = 4 << 20;
constexpr auto kPoll = std::chrono::milliseconds(20);

// The wrapper runs the script and then records its status atomically (rename), so a status file
// exists only for a script that ran to its end.
constexpr const char* kWrapper = "\"$0\" script > output 2>&1; echo $? > status.tmp && mv status.tmp status";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  if (content.size() > kMaxOutput) content.erase(0, content.size() - kMaxOutput);
  return content;
}

bool Alive(pid_t pid) { return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM); }

// Everything the child needs, prepared before fork: after fork in a threaded process the child
// may only make system calls (another thread may have held the allocator's lock).
struct ChildPlan {
  std::string directory;
  std::string shell = "/bin/sh";
  std::string dash_c = "-c";
  std::string wrapper = kWrapper;
  std::string interpreter;
  std::vector<std::string> entries;
  std::vector<char*> envp;
  std::vector<char*> argv;
};

ChildPlan PlanChild(const ScriptRun& run) {
  ChildPlan plan{.directory = run.directory.string(), .interpreter = run.interpreter};
  for (const auto& [name, value] : run.environment) plan.entries.push_back(name + "=" + value);
  for (auto& entry : plan.entries) plan.envp.push_back(entry.data());
  plan.envp.push_back(nullptr);
  plan.argv = {plan.shell.data(), plan.dash_c.data(), plan.wrapper.data(), plan.interpreter.data(), nullptr};
  return plan;
}

[[noreturn]] void ExecChild(const ChildPlan& plan) {
  setsid();  // its own session and process group: killed whole on time-out, and it outlives the server
  if (chdir(plan.directory.c_str()) != 0) _exit(126);
  const int null_fd = open("/dev/null", O_RDWR);
  if (null_fd >= 0) {
    dup2(null_fd, STDIN_FILENO);
    dup2(null_fd, STDOUT_FILENO);
    dup2(null_fd, STDERR_FILENO);
  }
  for (int fd = 3; fd < 1024; ++fd) close(fd);
  execve(plan.shell.c_str(), plan.argv.data(), plan.envp.data());
  _exit(127);
}

ScriptOutcome Recorded(const std::filesystem::path& directory, bool recovered) {
  ScriptOutcome outcome{.started = true, .recovered = recovered};
  outcome.output = ReadFile(directory / "output");
  try {
    outcome.exit_code = std::stoi(ReadFile(directory / "status"));
  } catch (const std::exception&) {
    outcome.exit_code = -1;
  }
  if (outcome.exit_code == 127 && outcome.output.find("not found") != std::string::npos) {
    outcome.output = "cannot start the script's interpreter: " + outcome.output;
  }
  return outcome;
}

// Waits for the status record of the process group led by `pid`, killing it at the deadline.
ScriptOutcome AwaitRecord(const ScriptRun& run, pid_t pid, bool ours, bool recovered) {
  const auto deadline = std::chrono::steady_clock::now() + run.timeout;
  while (!std::filesystem::exists(run.directory / "status")) {
    if (ours) waitpid(pid, nullptr, WNOHANG);  // reap it the moment it ends
    if (!Alive(pid) && !std::filesystem::exists(run.directory / "status")) {
      ScriptOutcome died{.started = true, .recovered = recovered, .exit_code = 137};
      died.output = ReadFile(run.directory / "output") + "\n(the script was killed before it finished)";
      return died;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);  // the whole group: shells leave children behind otherwise
      if (ours) waitpid(pid, nullptr, 0);
      ScriptOutcome timed_out{.started = true, .timed_out = true, .recovered = recovered};
      timed_out.output = ReadFile(run.directory / "output");
      return timed_out;
    }
    std::this_thread::sleep_for(kPoll);
  }
  if (ours) waitpid(pid, nullptr, 0);
  return Recorded(run.directory, recovered);
}

}  // namespace

ScriptOutcome RunScript(const ScriptRun& run) {
  std::error_code ignored;
  if (std::filesystem::exists(run.directory / "status")) return Recorded(run.directory, true);
  if (std::filesystem::exists(run.directory / "pid")) {
    pid_t earlier = 0;
    try {
      earlier = std::stoi(ReadFile(run.directory / "pid"));
    } catch (const std::exception&) {
    }
    // Started by a server that crashed; the script may still be running on its own.
    if (Alive(earlier)) return AwaitRecord(run, earlier, false, true);
    if (std::filesystem::exists(run.directory / "status")) return Recorded(run.directory, true);
  }
  // Never started, or killed before it finished: it did not complete, so it runs (again).
  std::filesystem::remove_all(run.directory, ignored);
  std::filesystem::create_directories(run.directory, ignored);
  ScriptOutcome outcome;
  {
    std::ofstream file(run.directory / "script", std::ios::binary);
    file << run.body;
    if (!file) {
      outcome.output = "cannot write the script into " + run.directory.string();
      return outcome;
    }
  }
  const ChildPlan plan = PlanChild(run);
  const pid_t pid = fork();
  if (pid == 0) ExecChild(plan);
  if (pid < 0) {
    outcome.output = std::string("fork failed: ") + std::strerror(errno);
    return outcome;
  }
  std::ofstream(run.directory / "pid") << pid;
  return AwaitRecord(run, pid, true, false);
}

void ForgetScriptRun(const std::filesystem::path& directory) {
  std::error_code ignored;
  std::filesystem::remove_all(directory, ignored);
}

}  // namespace orderly::processing::script
