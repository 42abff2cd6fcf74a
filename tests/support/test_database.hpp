#pragma once

#include <string>
#include <vector>

namespace orderly::testing {

// The PostgreSQL server the API tests run against, or "" for SQLite: $ORDERLY_TEST_DB, else the
// URL in the file named by $ORDERLY_TEST_DB_FILE (written by the ctest fixture pg_cluster).
std::string TestPostgresUrl();

// A database of its own for one test on the test PostgreSQL server: created empty, dropped (with
// whatever is still connected to it) on destruction.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(const std::string& server_url);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& url() const { return url_; }

 private:
  std::string server_url_;
  std::string name_;
  std::string url_;
};

// Runs one statement on the database at `url` and returns the first cell of the first row ("" if
// none); throws on error.
std::string PostgresScalar(const std::string& url, const std::string& sql);

// Runs one statement on the server's database (`sqlite:PATH` or a PostgreSQL URL, as
// ServerProcess::db_url() gives it) and returns the first column of every row; throws on error.
// For what the API cannot do, such as deactivating a user.
std::vector<std::string> DatabaseColumn(const std::string& db_url, const std::string& sql);

}  // namespace orderly::testing
