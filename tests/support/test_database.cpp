#include "test_database.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

namespace orderly::testing {
namespace {

// postgresql://user@host:port/DB?options -> the same URL naming `database`.
std::string WithDatabase(const std::string& url, const std::string& database) {
  const auto scheme_end = url.find("://");
  const auto query = url.find('?');
  const auto slash = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  const std::string options = query == std::string::npos ? "" : url.substr(query);
  const std::string base =
      url.substr(0, slash == std::string::npos || slash > query ? query : slash);
  return base + "/" + database + options;
}

std::string RandomName() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device random;
  std::string name = "orderly_test_";
  for (int i = 0; i < 16; ++i) name += kHex[random() % 16];
  return name;
}

}  // namespace

std::string TestPostgresUrl() {
  if (const char* url = std::getenv("ORDERLY_TEST_DB"); url != nullptr && *url != '\0') return url;
  if (const char* file = std::getenv("ORDERLY_TEST_DB_FILE"); file != nullptr && *file != '\0') {
    std::ifstream in(file);
    std::string url;
    if (!std::getline(in, url) || url.empty()) {
      throw std::runtime_error(std::string("no PostgreSQL URL in ") + file +
                               " (is the pg_cluster fixture running?)");
    }
    return url;
  }
  return {};
}

std::string PostgresScalar(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to " + url + ": " + message);
  }
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  PGresult* result = PQexec(conn, sql.c_str());
  const auto status = PQresultStatus(result);
  std::string value;
  std::string error;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    error = PQerrorMessage(conn);
  } else if (PQntuples(result) > 0 && PQnfields(result) > 0) {
    value = PQgetvalue(result, 0, 0);
  }
  PQclear(result);
  PQfinish(conn);
  if (!error.empty()) throw std::runtime_error(sql + ": " + error);
  return value;
}

namespace {

std::vector<std::string> PostgresColumn(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to " + url + ": " + message);
  }
  PGresult* result = PQexec(conn, sql.c_str());
  const auto status = PQresultStatus(result);
  std::vector<std::string> values;
  std::string error;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    error = PQerrorMessage(conn);
  } else if (PQnfields(result) > 0) {
    for (int row = 0; row < PQntuples(result); ++row)
      values.emplace_back(PQgetvalue(result, row, 0));
  }
  PQclear(result);
  PQfinish(conn);
  if (!error.empty()) throw std::runtime_error(sql + ": " + error);
  return values;
}

std::vector<std::string> SqliteColumn(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + path + ": " + message);
  }
  sqlite3_busy_timeout(db, 10000);  // the server may be writing
  std::vector<std::string> values;
  const auto collect = [](void* out, int columns, char** cells, char**) {
    if (columns > 0)
      static_cast<std::vector<std::string>*>(out)->emplace_back(cells[0] ? cells[0] : "");
    return 0;
  };
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), collect, &values, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error(sql + ": " + message);
  return values;
}

}  // namespace

std::vector<std::string> DatabaseColumn(const std::string& db_url, const std::string& sql) {
  static constexpr std::string_view kSqlite = "sqlite:";
  if (db_url.starts_with(kSqlite)) return SqliteColumn(db_url.substr(kSqlite.size()), sql);
  return PostgresColumn(db_url, sql);
}

ScratchDatabase::ScratchDatabase(const std::string& server_url)
    : server_url_(server_url), name_(RandomName()), url_(WithDatabase(server_url, name_)) {
  // FILE_COPY: copying the tiny template is much faster than WAL-logging it.
  PostgresScalar(server_url_,
                 "CREATE DATABASE " + name_ + " TEMPLATE template0 STRATEGY FILE_COPY");
}

ScratchDatabase::~ScratchDatabase() {
  try {
    PostgresScalar(server_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster is thrown away at the end of the run anyway.
  }
}

}  // namespace orderly::testing
