#include "store/sql/migrator.hpp"

#include <stdexcept>
#include <string>

namespace orderly::store::sql {
namespace {

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
    "NULL, applied TEXT NOT NULL)";
constexpr const char* kSelectAppliedVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr const char* kInsertMigration =
    "INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, CURRENT_TIMESTAMP)";

}  // namespace

int Migrate(Connection& connection, std::span<const Migration> migrations) {
  connection.ExecuteScript(kCreateMigrationsTable);
  int applied = 0;
  for (const Migration& migration : migrations) {
    connection.Begin(true);
    try {
      // Read inside the write transaction so two processes starting at once apply each step once.
      const auto current = connection.Query(kSelectAppliedVersion).rows.at(0).Int(0);
      if (migration.version <= current) {
        connection.Rollback();
        continue;
      }
      connection.ExecuteScript(migration.sql);
      connection.Query(kInsertMigration,
                       {static_cast<std::int64_t>(migration.version), std::string(migration.name)});
      connection.Commit();
      ++applied;
    } catch (const std::exception& error) {
      connection.Rollback();
      throw std::runtime_error("migration " + std::string(migration.name) + " failed: " + error.what());
    }
  }
  return applied;
}

}  // namespace orderly::store::sql
