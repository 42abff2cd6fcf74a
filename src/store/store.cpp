#include "store/store.hpp"

#include <chrono>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>

#include "store/postgres/migrations.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sql/dialect.hpp"
#include "store/sql/migrator.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace orderly::store {
namespace {

// Two processes starting at once on one PostgreSQL database migrate one after the other.
constexpr std::int64_t kMigrationLockKey = 0x6f72646572'6c79;  // "orderly"

std::unique_ptr<Store> OpenSqlite(const std::string& path, int connections) {
  sqlite::SqliteOptions options{.path = path};
  if (options.path.empty()) throw std::invalid_argument("--db sqlite:PATH needs a path");
  {
    sqlite::SqliteConnection migrator(options);
    sql::Migrate(migrator, sqlite::Migrations());
  }
  auto pool = std::make_unique<ConnectionPool>(
      [options] { return std::make_unique<sqlite::SqliteConnection>(options); }, connections);
  return std::make_unique<Store>(std::move(pool));
}

std::unique_ptr<Store> OpenPostgresql(const std::string& url, int connections) {
  {
    postgresql::PgConnection migrator(url);
    migrator.Query("SELECT pg_advisory_lock($1)", {kMigrationLockKey});
    sql::Migrate(migrator, postgresql::Migrations());
    // Closing the connection releases the lock.
  }
  auto pool = std::make_unique<ConnectionPool>(
      [url] { return std::make_unique<postgresql::PgConnection>(url); }, connections);
  return std::make_unique<Store>(std::move(pool));
}

// SQLite serves one process: its named locks are held in that process.
std::mutex sqlite_locks_mutex;
std::set<std::int64_t> sqlite_locks_held;

}  // namespace

std::unique_ptr<Store> Store::Open(const std::string& url, int connections) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) return OpenSqlite(url.substr(kSqlite.size()), connections);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return OpenPostgresql(url, connections);
  }
  throw std::invalid_argument("--db must be sqlite:PATH or postgresql://...; got '" + url + "'");
}

std::unique_ptr<sql::Connection> Store::Connect(const std::string& url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    return std::make_unique<sqlite::SqliteConnection>(
        sqlite::SqliteOptions{.path = url.substr(kSqlite.size())});
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return std::make_unique<postgresql::PgConnection>(url);
  }
  throw std::invalid_argument("a store URL must be sqlite:PATH or postgresql://...; got '" + url +
                              "'");
}

void Store::BackOff(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  const int ceiling_ms = std::min(100, 1 << std::min(attempt, 7));
  std::uniform_int_distribution<int> pick(0, ceiling_ms);
  std::this_thread::sleep_for(std::chrono::milliseconds(pick(random)));
}

std::unique_ptr<Store::NamedLock> Store::TryLock(std::int64_t key) {
  const sql::Dialect& dialect = sql::DialectOf(Engine());
  auto lease = pool_->Acquire();
  if (dialect.try_named_lock.empty()) {
    std::lock_guard guard(sqlite_locks_mutex);
    if (!sqlite_locks_held.insert(key).second) return nullptr;
    return std::make_unique<NamedLock>(std::move(lease), key, std::string());
  }
  if (!lease->Query(dialect.try_named_lock, {key}).rows.at(0).Bool(0)) return nullptr;
  return std::make_unique<NamedLock>(std::move(lease), key,
                                     std::string(dialect.release_named_lock));
}

Store::NamedLock::NamedLock(ConnectionPool::Lease lease, std::int64_t key, std::string release_sql)
    : key_(key), release_sql_(std::move(release_sql)) {
  // The engine's lock lives on its session: keep the connection until released. SQLite's is
  // in-process, so the connection goes back to the pool at once.
  if (!release_sql_.empty()) lease_.emplace(std::move(lease));
}

Store::NamedLock::~NamedLock() {
  if (!lease_) {
    std::lock_guard guard(sqlite_locks_mutex);
    sqlite_locks_held.erase(key_);
    return;
  }
  try {
    (*lease_)->Query(release_sql_, {key_});
  } catch (const std::exception&) {
    // A broken connection has lost its session, and the lock with it.
  }
}

bool Store::Ping() {
  try {
    auto lease = pool_->Acquire();
    return lease->Query("SELECT 1").rows.at(0).Int(0) == 1;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace orderly::store
