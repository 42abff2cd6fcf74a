#include "store/sql/dialect.hpp"

#include <stdexcept>
#include <string>

namespace orderly::store::sql {

const Dialect& DialectOf(std::string_view engine) {
  static constexpr Dialect kSqlite{
      .case_insensitive_like = "LIKE",
      .skip_locked = "",
      .try_named_lock = "",
      .release_named_lock = "",
      .list_tables =
          "SELECT name FROM sqlite_master WHERE type = 'table' "
          "AND name NOT LIKE 'sqlite_%' ORDER BY name",
      .list_columns = "SELECT name FROM pragma_table_info($1) ORDER BY cid",
      .follow_copied_ids = ""};
  static constexpr Dialect kPostgresql{
      .case_insensitive_like = "ILIKE",
      .skip_locked = " FOR UPDATE SKIP LOCKED",
      .try_named_lock = "SELECT pg_try_advisory_lock($1)",
      .release_named_lock = "SELECT pg_advisory_unlock($1)",
      .list_tables =
          "SELECT table_name FROM information_schema.tables "
          "WHERE table_schema = current_schema() AND "
          "table_type = 'BASE TABLE' ORDER BY table_name",
      .list_columns =
          "SELECT column_name FROM information_schema.columns "
          "WHERE table_schema = current_schema() AND "
          "table_name = $1 ORDER BY ordinal_position",
      .follow_copied_ids =
          "SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
          "(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"};
  if (engine == "sqlite") return kSqlite;
  if (engine == "postgresql") return kPostgresql;
  throw std::logic_error("no SQL dialect for engine " + std::string(engine));
}

}  // namespace orderly::store::sql
