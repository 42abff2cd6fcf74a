#include "store/store.hpp"

#include <stdexcept>

#include "store/sql/migrator.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace orderly::store {

std::unique_ptr<Store> Store::Open(const std::string& url, int connections) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    sqlite::SqliteOptions options{.path = url.substr(kSqlite.size())};
    if (options.path.empty()) throw std::invalid_argument("--db sqlite:PATH needs a path");
    {
      sqlite::SqliteConnection migrator(options);
      sql::Migrate(migrator, sqlite::Migrations());
    }
    auto pool = std::make_unique<ConnectionPool>(
        [options] { return std::make_unique<sqlite::SqliteConnection>(options); }, connections);
    return std::make_unique<Store>(std::move(pool));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    throw std::invalid_argument("PostgreSQL is not supported by this build yet: " + url);
  }
  throw std::invalid_argument("--db must be sqlite:PATH or postgresql://...; got '" + url + "'");
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
