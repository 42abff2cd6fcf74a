#include "store/postgres/pg_connection.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace orderly::store::postgresql {
namespace {

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

bool Succeeded(const PGresult* result) {
  const auto status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

std::string TextOf(const sql::Value& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* real = std::get_if<double>(&value)) return std::to_string(*real);
  return std::get<std::string>(value);
}

}  // namespace

PgConnection::PgConnection(std::string url) : url_(std::move(url)) {
  conn_ = PQconnectdb(url_.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    throw std::runtime_error("cannot connect to PostgreSQL: " + message);
  }
  // Notices (e.g. "relation already exists, skipping") are not errors; keep them off stderr.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

PgConnection::~PgConnection() { PQfinish(conn_); }

void PgConnection::EnsureConnected() {
  if (PQstatus(conn_) == CONNECTION_OK) return;
  PQreset(conn_);
  statements_.clear();
  if (PQstatus(conn_) != CONNECTION_OK) {
    throw std::runtime_error(std::string("PostgreSQL connection lost: ") + PQerrorMessage(conn_));
  }
}

void PgConnection::Fail(PGresult* result, std::string_view what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  const std::string message = std::string(what) + ": " + PQerrorMessage(conn_);
  PQclear(result);
  if (code == "23505") throw sql::UniqueViolation(message);
  // 40001 serialization_failure, 40P01 deadlock_detected: the transaction may simply be retried.
  if (code == "40001" || code == "40P01") throw sql::SerializationFailure(message);
  throw std::runtime_error(message);
}

const std::string& PgConnection::Prepared(std::string_view sql) {
  auto found = statements_.find(std::string(sql));
  if (found != statements_.end()) return found->second;
  // Lists build their SQL from the filters given; bound the cache so odd combinations cannot grow
  // it.
  constexpr std::size_t kMaxCachedStatements = 512;
  if (statements_.size() >= kMaxCachedStatements) {
    PQclear(PQexec(conn_, "DEALLOCATE ALL"));
    statements_.clear();
  }
  std::string name = "s" + std::to_string(next_statement_++);
  const std::string text(sql);
  PGresult* result = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
  if (!Succeeded(result)) Fail(result, "prepare failed for: " + text);
  PQclear(result);
  return statements_.emplace(text, std::move(name)).first->second;
}

sql::Result PgConnection::Run(std::string_view sql, std::span<const sql::Value> params) {
  EnsureConnected();
  const std::string& name = Prepared(sql);
  // Every parameter travels as text; the server infers its type from the statement.
  std::vector<std::string> texts;
  std::vector<const char*> values;
  texts.reserve(params.size());
  values.reserve(params.size());
  for (const sql::Value& param : params) {
    if (std::holds_alternative<std::monostate>(param)) {
      texts.emplace_back();
      values.push_back(nullptr);
    } else {
      texts.push_back(TextOf(param));
      values.push_back(texts.back().c_str());
    }
  }
  PGresult* raw = PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()),
                                 values.data(), nullptr, nullptr, 0);
  if (!Succeeded(raw)) Fail(raw, "statement failed: " + std::string(sql));
  ResultPtr result(raw);

  sql::Result out;
  const int rows = PQntuples(raw);
  const int columns = PQnfields(raw);
  out.rows.reserve(rows);
  for (int row = 0; row < rows; ++row) {
    std::vector<sql::Value> cells;
    cells.reserve(columns);
    for (int column = 0; column < columns; ++column) {
      if (PQgetisnull(raw, row, column)) {
        cells.emplace_back(std::monostate{});
      } else {
        cells.emplace_back(
            std::string(PQgetvalue(raw, row, column), PQgetlength(raw, row, column)));
      }
    }
    out.rows.emplace_back(std::move(cells));
  }
  const char* affected = PQcmdTuples(raw);
  out.changes = (affected != nullptr && *affected != '\0') ? std::stoll(affected) : 0;
  return out;
}

void PgConnection::ExecuteScript(std::string_view sql) {
  EnsureConnected();
  const std::string text(sql);
  PGresult* result = PQexec(conn_, text.c_str());
  if (!Succeeded(result)) Fail(result, "PostgreSQL script failed");
  PQclear(result);
}

void PgConnection::Begin(bool write) {
  ExecuteScript(write ? "BEGIN ISOLATION LEVEL SERIALIZABLE"
                      : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

void PgConnection::Commit() { ExecuteScript("COMMIT"); }

void PgConnection::Rollback() {
  if (PQstatus(conn_) != CONNECTION_OK) return;
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
  PQclear(PQexec(conn_, "ROLLBACK"));
}

}  // namespace orderly::store::postgresql
