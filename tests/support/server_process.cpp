#include "server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <thread>
#include <tuple>

namespace orderly::testing {
namespace {

std::filesystem::path MakeTempDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "orderly-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

std::vector<char*> Argv(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}

// Forks `args`, its standard output into a pipe; returns the pid and the read end.
// `log_path` (if any) receives the child's standard error.
std::pair<pid_t, FILE*> Spawn(std::vector<std::string> args,
                              const std::filesystem::path& log_path = {}) {
  // Everything the child needs is made before fork: between fork and exec the child may only
  // call async-signal-safe functions, since another thread of this process (a fake backend, a
  // drain thread) may have held the allocator's lock at the fork; an allocation there can hang
  // forever (it did under AddressSanitizer).
  auto argv = Argv(args);
  const std::string log_file = log_path.string();
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    if (!log_file.empty()) {
      const int log = open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (log >= 0) dup2(log, STDERR_FILENO);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  return {pid, fdopen(pipe_fds[0], "r")};
}

// Keeps draining a child's output in the background so it never blocks on a full pipe.
void Drain(FILE* out) {
  std::thread([out] {
    char discard[512];
    while (std::fgets(discard, sizeof(discard), out) != nullptr) {
    }
    std::fclose(out);
  }).detach();
}

void KillAndReap(pid_t& pid) {
  if (pid <= 0) return;
  ::kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  pid = -1;
}

}  // namespace

std::string OrderlyBinary() {
  if (const char* override_path = std::getenv("ORDERLY_BINARY")) return override_path;
  return ORDERLY_BINARY_PATH;
}

int RunOrderly(const std::vector<std::string>& args, std::string* output) {
  std::vector<std::string> full{OrderlyBinary()};
  full.insert(full.end(), args.begin(), args.end());
  return RunProgram(full, output);
}

int RunProgram(const std::vector<std::string>& full, std::string* output) {
  auto args = full;
  auto argv = Argv(args);  // before fork, as in Spawn
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  std::string text;
  std::array<char, 4096> buffer{};
  ssize_t n = 0;
  while ((n = read(pipe_fds[0], buffer.data(), buffer.size())) > 0) text.append(buffer.data(), n);
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (output != nullptr) *output = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

ServerProcess::ServerProcess(std::string db_url, std::vector<std::string> extra_args)
    : directory_(MakeTempDirectory()),
      db_url_(std::move(db_url)),
      extra_args_(std::move(extra_args)) {
  if (db_url_.empty()) {
    if (const std::string postgres = TestPostgresUrl(); !postgres.empty()) {
      database_ = std::make_unique<ScratchDatabase>(postgres);
      db_url_ = database_->url();
    } else {
      db_url_ = "sqlite:" + (directory_ / "orderly.db").string();
    }
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Kill();
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

void ServerProcess::Start() {
  std::vector<std::string> args{OrderlyBinary(), "serve",    "--db",
                                db_url_,         "--listen", "127.0.0.1:0"};
  // Beside a SQLite file the runs are kept per database already; a PostgreSQL database has no
  // file, so keep them in this server's directory.
  if (on_postgres())
    args.insert(args.end(), {"--script-runs-dir", (directory_ / "script-runs").string()});
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  FILE* out = nullptr;
  std::tie(pid_, out) = Spawn(args, log_path_);
  // The server prints "orderly listening on http://HOST:PORT" once it accepts connections.
  static const std::regex kListening(R"(listening on http://[^:]+:(\d+))");
  char line[512];
  while (std::fgets(line, sizeof(line), out) != nullptr) {
    std::cmatch match;
    if (std::regex_search(line, match, kListening)) {
      port_ = std::stoi(match[1].str());
      break;
    }
  }
  Drain(out);
  if (port_ == 0) {
    Kill();
    throw std::runtime_error("orderly serve did not start; see its standard error");
  }
}

void ServerProcess::Kill() { KillAndReap(pid_); }

int ServerProcess::Terminate() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

WorkerProcess::WorkerProcess(std::string db_url, std::vector<std::string> extra_args)
    : db_url_(std::move(db_url)), extra_args_(std::move(extra_args)) {}

WorkerProcess::~WorkerProcess() { Kill(); }

void WorkerProcess::Start() {
  std::vector<std::string> args{OrderlyBinary(), "worker", "--db", db_url_};
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  FILE* out = nullptr;
  std::tie(pid_, out) = Spawn(args);
  bool running = false;
  char line[512];
  while (!running && std::fgets(line, sizeof(line), out) != nullptr) {
    running = std::string_view(line).find("orderly worker running") != std::string_view::npos;
  }
  Drain(out);
  if (!running) {
    Kill();
    throw std::runtime_error("orderly worker did not start; see its standard error");
  }
}

void WorkerProcess::Kill() { KillAndReap(pid_); }

}  // namespace orderly::testing
