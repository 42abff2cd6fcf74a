#include "store/store_copy.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "store/sql/dialect.hpp"
#include "store/store.hpp"

namespace orderly::store {
namespace {

constexpr std::int64_t kBatch = 1000;

std::vector<std::string> Column0(sql::Connection& db, std::string_view query,
                                 std::initializer_list<sql::Value> params = {}) {
  std::vector<std::string> names;
  for (const auto& row : db.Query(query, params).rows) names.push_back(row.Text(0));
  return names;
}

std::vector<std::string> Tables(sql::Connection& db) {
  auto tables = Column0(db, sql::DialectOf(db.Engine()).list_tables);
  std::erase(tables, "schema_migrations");  // each side keeps its own record of its migrations
  // Each side counts its own changes: copying role_permissions bumps the target's counter.
  std::erase(tables, "role_permissions_generation");
  return tables;
}

std::vector<std::string> Columns(sql::Connection& db, const std::string& table) {
  return Column0(db, sql::DialectOf(db.Engine()).list_columns, {table});
}

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

std::int64_t CountRows(sql::Connection& db, const std::string& table) {
  return db.Query("SELECT COUNT(*) FROM " + table).rows.at(0).Int(0);
}

void RequireKnownTables(sql::Connection& db, std::string_view side) {
  for (const auto& table : Tables(db)) {
    if (std::ranges::find(CopiedTables(), table) == CopiedTables().end()) {
      throw std::runtime_error(std::string(side) + " has table " + table +
                               ", which migrate-store does not know");
    }
  }
}

// Copies one table in batches of rows, ordered by every column so batches never overlap.
std::int64_t CopyTable(sql::Connection& from, sql::Connection& to, const std::string& table) {
  const auto columns = Columns(from, table);
  if (Columns(to, table) != columns)
    throw std::runtime_error("the columns of " + table + " differ between the stores");
  std::string placeholders;
  for (std::size_t i = 1; i <= columns.size(); ++i)
    placeholders += (i == 1 ? "$" : ", $") + std::to_string(i);
  const std::string select = "SELECT " + Join(columns) + " FROM " + table + " ORDER BY " +
                             Join(columns) + " LIMIT $1 OFFSET $2";
  const std::string insert =
      "INSERT INTO " + table + " (" + Join(columns) + ") VALUES (" + placeholders + ")";
  std::int64_t copied = 0;
  while (true) {
    const auto batch = from.Query(select, {kBatch, copied});
    for (const auto& row : batch.rows) {
      std::vector<sql::Value> values;
      for (std::size_t i = 0; i < columns.size(); ++i) {
        values.push_back(row.IsNull(i) ? sql::Value(std::monostate{}) : sql::Value(row.Text(i)));
      }
      to.Query(insert, values);
    }
    copied += static_cast<std::int64_t>(batch.rows.size());
    if (static_cast<std::int64_t>(batch.rows.size()) < kBatch) break;
  }
  const std::string_view follow = sql::DialectOf(to.Engine()).follow_copied_ids;
  if (!follow.empty() && std::ranges::find(columns, "id") != columns.end()) {
    std::string statement(follow);
    for (auto at = statement.find("{table}"); at != std::string::npos;
         at = statement.find("{table}")) {
      statement.replace(at, 7, table);
    }
    to.Query(statement);
  }
  return copied;
}

}  // namespace

const std::vector<std::string>& CopiedTables() {
  static const std::vector<std::string> kTables = {"users",
                                                   "auth_tokens",
                                                   "customers",
                                                   "projects",
                                                   "service_providers",
                                                   "offerings",
                                                   "plans",
                                                   "roles",
                                                   "role_permissions",
                                                   "role_grants",
                                                   "resources",
                                                   "orders",
                                                   "events",
                                                   "jobs",
                                                   "support_issues",
                                                   "support_comments",
                                                   "outgoing_callbacks",
                                                   "login_failures"};
  return kTables;
}

CopyReport CopyStore(const std::string& from_url, const std::string& to_url) {
  // Both sides on the current schema: an old source file is migrated in place first.
  Store::Open(from_url, 1);
  Store::Open(to_url, 1);
  auto from = Store::Connect(from_url);
  auto to = Store::Connect(to_url);
  RequireKnownTables(*from, "the source");
  RequireKnownTables(*to, "the target");

  from->Begin(false);
  to->Begin(true);
  try {
    for (const auto& table : CopiedTables()) {
      if (CountRows(*to, table) != 0) {
        throw std::runtime_error("the target is not empty: table " + table +
                                 " has rows; migrate-store only fills an empty store");
      }
    }
    CopyReport report;
    for (const auto& table : CopiedTables()) {
      const std::int64_t copied = CopyTable(*from, *to, table);
      const std::int64_t source = CountRows(*from, table);
      const std::int64_t target = CountRows(*to, table);
      if (copied != source || target != source) {
        throw std::runtime_error("table " + table + ": " + std::to_string(source) +
                                 " rows in the source, " + std::to_string(target) +
                                 " in the target");
      }
      report.rows_per_table.emplace_back(table, target);
    }
    to->Commit();
    from->Rollback();
    return report;
  } catch (...) {
    to->Rollback();
    from->Rollback();
    throw;
  }
}

}  // namespace orderly::store
