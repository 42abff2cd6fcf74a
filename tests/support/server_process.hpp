#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "test_database.hpp"

namespace orderly::testing {

// Runs `orderly <args...>` to completion and returns its exit code; output goes to `output`.
int RunOrderly(const std::vector<std::string>& args, std::string* output = nullptr);
// Runs `argv[0]` (an absolute path) with the rest as arguments, the same way.
int RunProgram(const std::vector<std::string>& argv, std::string* output = nullptr);

// A real `orderly serve` on 127.0.0.1 with a free port and its own database in a fresh temporary
// directory. Stopped (SIGTERM, then SIGKILL) and its directory removed on destruction.
class ServerProcess {
 public:
  // `db_url` empty: a new SQLite file in the temporary directory, or a new database on the test
  // PostgreSQL server when there is one (TestPostgresUrl()).
  explicit ServerProcess(std::string db_url = {}, std::vector<std::string> extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  const std::string& db_url() const { return db_url_; }
  bool on_postgres() const { return db_url_.starts_with("postgres"); }
  const std::filesystem::path& directory() const { return directory_; }

  // Sends the server's standard error (its log) to `path` from the next Start on.
  void CaptureLogTo(std::filesystem::path path) { log_path_ = std::move(path); }

  void Start();
  // SIGKILL: the process gets no chance to finish anything.
  void Kill();
  // SIGTERM and wait; returns the exit status.
  int Terminate();

 private:
  std::filesystem::path directory_;
  std::unique_ptr<ScratchDatabase> database_;
  std::string db_url_;
  std::vector<std::string> extra_args_;
  std::filesystem::path log_path_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// A real `orderly worker --db URL <args...>` (jobs and periodic jobs, no HTTP), for multi-node
// tests. Stopped with SIGKILL on destruction.
class WorkerProcess {
 public:
  WorkerProcess(std::string db_url, std::vector<std::string> extra_args);
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  // Returns once the worker has printed that it runs.
  void Start();
  void Kill();
  pid_t pid() const { return pid_; }

 private:
  std::string db_url_;
  std::vector<std::string> extra_args_;
  pid_t pid_ = -1;
};

// The path of the binary under test (set by CMake).
std::string OrderlyBinary();

}  // namespace orderly::testing
