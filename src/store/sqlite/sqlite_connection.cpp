#include "store/sqlite/sqlite_connection.hpp"

#include <stdexcept>
#include <string>

namespace orderly::store::sqlite {

namespace {

// After every commit on this connection; replaces SQLite's automatic checkpoint (see Checkpointer).
int OnWalCommit(void* file, sqlite3* /*db*/, const char* /*schema*/, int pages) {
  static_cast<SharedFile*>(file)->checkpointer.WalGrew(pages);
  return SQLITE_OK;
}

// SQLite counts every allocation under one process-wide mutex unless told not to; with several
// request threads that mutex was the server's most contended lock (profile in bench/README.md).
// Nothing here reads the counters. sqlite3_config works only before SQLite initialises, so it
// runs once, before the first connection opens.
void DisableMemoryStatistics() {
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)done;
}

}  // namespace

SqliteConnection::SqliteConnection(const SqliteOptions& options)
    : busy_timeout_(options.busy_timeout_ms) {
  DisableMemoryStatistics();
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int opened = sqlite3_open_v2(options.path.c_str(), &db_, flags, nullptr);
  if (opened != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(opened);
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error("cannot open SQLite database " + options.path + ": " + message);
  }
  sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 1);
  // cache_size: SQLite's default 2 MiB page cache sends most reads of a 10k-order store to
  // pread(); 8 MiB per connection keeps the hot indexes and rows in memory (bench/README.md).
  ExecuteScript(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-8192; "
      "PRAGMA synchronous=" +
      options.synchronous + ";");
  file_ = SharedFile::Of(options.path);
  sqlite3_wal_hook(db_, OnWalCommit, file_.get());
}

SqliteConnection::~SqliteConnection() {
  LeaveWriterQueue();
  for (auto& [text, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

void SqliteConnection::Fail(int code, std::string_view what) {
  std::string message = std::string(what) + ": " + sqlite3_errmsg(db_);
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    throw sql::UniqueViolation(message);
  }
  throw std::runtime_error(message);
}

sqlite3_stmt* SqliteConnection::Prepared(std::string_view sql) {
  auto found = statements_.find(std::string(sql));
  if (found != statements_.end()) return found->second;
  // Lists build their SQL from the filters given; bound the cache so odd combinations cannot grow
  // it.
  constexpr std::size_t kMaxCachedStatements = 512;
  if (statements_.size() >= kMaxCachedStatements) {
    for (auto& [text, statement] : statements_) sqlite3_finalize(statement);
    statements_.clear();
  }
  sqlite3_stmt* statement = nullptr;
  const int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (code != SQLITE_OK) Fail(code, "prepare failed for: " + std::string(sql));
  statements_.emplace(std::string(sql), statement);
  return statement;
}

sql::Result SqliteConnection::Run(std::string_view sql, std::span<const sql::Value> params) {
  sqlite3_stmt* statement = Prepared(sql);
  // Reset before returning, whatever happens, so the statement never holds a read lock.
  struct Resetter {
    sqlite3_stmt* statement;
    ~Resetter() {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
    }
  } resetter{statement};

  int index = 1;
  for (const sql::Value& param : params) {
    int code = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(param)) {
      code = sqlite3_bind_null(statement, index);
    } else if (const auto* number = std::get_if<std::int64_t>(&param)) {
      code = sqlite3_bind_int64(statement, index, *number);
    } else if (const auto* real = std::get_if<double>(&param)) {
      code = sqlite3_bind_double(statement, index, *real);
    } else {
      const auto& text = std::get<std::string>(param);
      code = sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT);
    }
    if (code != SQLITE_OK) Fail(code, "bind failed");
    ++index;
  }

  sql::Result result;
  const int columns = sqlite3_column_count(statement);
  while (true) {
    const int code = sqlite3_step(statement);
    if (code == SQLITE_DONE) break;
    if (code != SQLITE_ROW) Fail(code, "statement failed: " + std::string(sql));
    std::vector<sql::Value> cells;
    cells.reserve(columns);
    for (int column = 0; column < columns; ++column) {
      switch (sqlite3_column_type(statement, column)) {
        case SQLITE_NULL: cells.emplace_back(std::monostate{}); break;
        case SQLITE_INTEGER: cells.emplace_back(sqlite3_column_int64(statement, column)); break;
        case SQLITE_FLOAT: cells.emplace_back(sqlite3_column_double(statement, column)); break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
          cells.emplace_back(std::string(text, sqlite3_column_bytes(statement, column)));
        }
      }
    }
    result.rows.emplace_back(std::move(cells));
  }
  result.changes = sqlite3_changes(db_);
  return result;
}

void SqliteConnection::ExecuteScript(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("SQLite script failed: " + message);
  }
}

void SqliteConnection::Begin(bool write) {
  if (!write) {
    Query("BEGIN");
    return;
  }
  file_->writers.Enter(busy_timeout_);
  writing_ = true;
  try {
    Query("BEGIN IMMEDIATE");  // still waits (busy timeout) for writers in other processes
  } catch (...) {
    LeaveWriterQueue();
    throw;
  }
}

void SqliteConnection::Commit() {
  Query("COMMIT");
  LeaveWriterQueue();
}

void SqliteConnection::Rollback() {
  try {
    if (!sqlite3_get_autocommit(db_)) Query("ROLLBACK");
  } catch (...) {
    LeaveWriterQueue();
    throw;
  }
  LeaveWriterQueue();
}

void SqliteConnection::LeaveWriterQueue() {
  if (!writing_) return;
  writing_ = false;
  file_->writers.Leave();
}

}  // namespace orderly::store::sqlite
