#pragma once

#include <libpq-fe.h>

#include <string>
#include <unordered_map>

#include "store/sql/connection.hpp"

namespace orderly::store::postgresql {

// One libpq connection. Statements are prepared once per connection (named s1, s2, ...) and
// reused; write transactions are SERIALIZABLE so PostgreSQL gives the same guarantee as SQLite's
// single writer, and a conflict surfaces as sql::SerializationFailure for Store::Write to retry.
class PgConnection final : public sql::Connection {
 public:
  explicit PgConnection(std::string url);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  using sql::Connection::Query;
  sql::Result Run(std::string_view sql, std::span<const sql::Value> params) override;
  void ExecuteScript(std::string_view sql) override;
  void Begin(bool write) override;
  void Commit() override;
  void Rollback() override;
  std::string_view Engine() const override { return "postgresql"; }

 private:
  const std::string& Prepared(std::string_view sql);
  // Reconnects when the server closed the connection (restart, idle timeout between requests).
  void EnsureConnected();
  [[noreturn]] void Fail(PGresult* result, std::string_view what);

  std::string url_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> statements_;
  int next_statement_ = 1;
};

}  // namespace orderly::store::postgresql
