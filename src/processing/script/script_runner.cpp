#include "processing/script/script_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace orderly::processing::script {
namespace {

// Output beyond this is cut from the front: the tail holds the result line and the error.
constexpr std::size_t kMaxOutput = 4 << 20;

std::filesystem::path MakeWorkingDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "orderly-script-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return {};
  return pattern;
}

// Everything the child needs, prepared before fork: after fork in a threaded process the child
// may only make system calls (another thread may have held the allocator's lock).
struct ChildPlan {
  std::string directory;
  std::string interpreter;
  std::string script = "script";
  std::vector<std::string> entries;
  std::vector<char*> envp;
  std::vector<char*> argv;
};

ChildPlan PlanChild(const ScriptRun& run, const std::filesystem::path& directory) {
  ChildPlan plan{.directory = directory.string(), .interpreter = run.interpreter};
  for (const auto& [name, value] : run.environment) plan.entries.push_back(name + "=" + value);
  for (auto& entry : plan.entries) plan.envp.push_back(entry.data());
  plan.envp.push_back(nullptr);
  plan.argv = {plan.interpreter.data(), plan.script.data(), nullptr};
  return plan;
}

[[noreturn]] void ExecChild(const ChildPlan& plan, int out_fd) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() == 1) _exit(126);  // the parent died before the line above took effect
  if (chdir(plan.directory.c_str()) != 0) _exit(126);
  dup2(out_fd, STDOUT_FILENO);
  dup2(out_fd, STDERR_FILENO);
  const int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
  for (int fd = 3; fd < 1024; ++fd) close(fd);
  execve(plan.interpreter.c_str(), plan.argv.data(), plan.envp.data());
  static constexpr char kMessage[] = "cannot start the script's interpreter\n";
  [[maybe_unused]] auto written = write(STDERR_FILENO, kMessage, sizeof(kMessage) - 1);
  _exit(127);
}

}  // namespace

ScriptOutcome RunScript(const ScriptRun& run) {
  ScriptOutcome outcome;
  const auto directory = MakeWorkingDirectory();
  if (directory.empty()) {
    outcome.output = "cannot create a working directory for the script";
    return outcome;
  }
  {
    std::ofstream file(directory / "script", std::ios::binary);
    file << run.body;
  }
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    outcome.output = std::string("pipe failed: ") + std::strerror(errno);
    std::filesystem::remove_all(directory);
    return outcome;
  }
  const ChildPlan plan = PlanChild(run, directory);
  const pid_t pid = fork();
  if (pid == 0) ExecChild(plan, pipe_fds[1]);
  close(pipe_fds[1]);
  if (pid < 0) {
    outcome.output = std::string("fork failed: ") + std::strerror(errno);
    close(pipe_fds[0]);
    std::filesystem::remove_all(directory);
    return outcome;
  }
  outcome.started = true;
  const auto deadline = std::chrono::steady_clock::now() + run.timeout;
  std::array<char, 8192> buffer{};
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      outcome.timed_out = true;
      kill(-pid, SIGKILL);  // the whole process group: shells leave children behind otherwise
      break;
    }
    pollfd readable{.fd = pipe_fds[0], .events = POLLIN, .revents = 0};
    const int ready = poll(&readable, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t n = read(pipe_fds[0], buffer.data(), buffer.size());
    if (n <= 0) break;  // EOF: every writer (the script and its children) closed the pipe
    outcome.output.append(buffer.data(), static_cast<std::size_t>(n));
    if (outcome.output.size() > kMaxOutput) outcome.output.erase(0, outcome.output.size() - kMaxOutput);
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!outcome.timed_out) kill(-pid, SIGKILL);  // stray background children of the script
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::error_code ignored;
  std::filesystem::remove_all(directory, ignored);
  return outcome;
}

}  // namespace orderly::processing::script
