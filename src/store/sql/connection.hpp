#pragma once

#include <initializer_list>
#include <span>
#include <vector>
#include <stdexcept>
#include <string_view>

#include "store/sql/value.hpp"

namespace orderly::store::sql {

// The one seam between the store and a database engine. SQL text uses $1, $2, ... placeholders,
// numbered in order of first appearance, which both SQLite and PostgreSQL accept. Implementations
// prepare each distinct text once per connection and reuse it.
class Connection {
 public:
  virtual ~Connection() = default;

  Result Query(std::string_view sql, std::initializer_list<Value> params = {}) {
    return Run(sql, std::span<const Value>(params.begin(), params.size()));
  }
  Result Query(std::string_view sql, const std::vector<Value>& params) { return Run(sql, params); }
  virtual Result Run(std::string_view sql, std::span<const Value> params) = 0;
  // Runs several statements without parameters (migrations, pragmas).
  virtual void ExecuteScript(std::string_view sql) = 0;

  // A write transaction takes the write lock up front, so two writers queue instead of deadlocking.
  virtual void Begin(bool write) = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;

  // Unique-constraint violations are user errors (409/400), not crashes; engines report them so.
  virtual std::string_view Engine() const = 0;
};

// Thrown by a Connection when a statement breaks a UNIQUE constraint.
struct UniqueViolation : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown by a Connection when the engine aborted the transaction because it conflicted with a
// concurrent one (PostgreSQL 40001 / 40P01). Nothing was written; the whole transaction may be
// run again (Store::Write does).
struct SerializationFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace orderly::store::sql
