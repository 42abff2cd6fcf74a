#pragma once

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/connection.hpp"
#include "store/sqlite/shared_file.hpp"

namespace orderly::store::sqlite {

struct SqliteOptions {
  std::string path;
  // FULL makes an acknowledged commit survive a power loss as well as a process crash; NORMAL
  // survives a process crash but may lose the last commits on power loss (docs/decisions.md).
  std::string synchronous = "FULL";
  int busy_timeout_ms = 10000;
};

class SqliteConnection final : public sql::Connection {
 public:
  explicit SqliteConnection(const SqliteOptions& options);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  using sql::Connection::Query;
  sql::Result Run(std::string_view sql, std::span<const sql::Value> params) override;
  void ExecuteScript(std::string_view sql) override;
  void Begin(bool write) override;
  void Commit() override;
  void Rollback() override;
  std::string_view Engine() const override { return "sqlite"; }

 private:
  sqlite3_stmt* Prepared(std::string_view sql);
  [[noreturn]] void Fail(int code, std::string_view what);

  void LeaveWriterQueue();

  sqlite3* db_ = nullptr;
  std::shared_ptr<SharedFile> file_;
  std::chrono::milliseconds busy_timeout_;
  bool writing_ = false;  // holds its turn in file_->writers
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace orderly::store::sqlite
