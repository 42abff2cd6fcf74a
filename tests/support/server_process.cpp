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
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    auto args = full;
    auto argv = Argv(args);
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
      db_url_(db_url.empty() ? "sqlite:" + (directory_ / "orderly.db").string()
                             : std::move(db_url)),
      extra_args_(std::move(extra_args)) {}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Kill();
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

void ServerProcess::Start() {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args{OrderlyBinary(), "serve",    "--db",
                                db_url_,         "--listen", "127.0.0.1:0"};
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  pid_ = fork();
  if (pid_ == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    if (!log_path_.empty()) {
      const int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (log >= 0) dup2(log, STDERR_FILENO);
    }
    auto argv = Argv(args);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  // The server prints "orderly listening on http://HOST:PORT" once it accepts connections.
  FILE* out = fdopen(pipe_fds[0], "r");
  static const std::regex kListening(R"(listening on http://[^:]+:(\d+))");
  char line[512];
  while (std::fgets(line, sizeof(line), out) != nullptr) {
    std::cmatch match;
    if (std::regex_search(line, match, kListening)) {
      port_ = std::stoi(match[1].str());
      break;
    }
  }
  // Keep draining stdout in the background so the server never blocks on a full pipe.
  std::thread([out] {
    char discard[512];
    while (std::fgets(discard, sizeof(discard), out) != nullptr) {
    }
    std::fclose(out);
  }).detach();
  if (port_ == 0) {
    Kill();
    throw std::runtime_error("orderly serve did not start; see its standard error");
  }
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

int ServerProcess::Terminate() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace orderly::testing
