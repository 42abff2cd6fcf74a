#pragma once

#include <string_view>

namespace orderly::store::sql {

// The few places where SQLite and PostgreSQL need different SQL, in one table. Everything else
// in the repositories is written once in the dialect both engines share.
struct Dialect {
  // SQLite's LIKE ignores ASCII case; PostgreSQL's does not, ILIKE does.
  std::string_view case_insensitive_like;
  // Appended to the job claim: PostgreSQL workers skip rows another worker is claiming instead of
  // queueing behind it. SQLite has one writer at a time, so nothing is needed there.
  std::string_view skip_locked;
  // A lock named by a number that one connection at a time may hold ("" when the engine has none:
  // a SQLite store is used by one process).
  std::string_view try_named_lock;
  std::string_view release_named_lock;
  // For copying a whole store (migrate-store): the tables of the schema, the columns of table $1
  // in order, and what makes the next generated id follow the copied ones ({table}; "" when the
  // engine needs nothing).
  std::string_view list_tables;
  std::string_view list_columns;
  std::string_view follow_copied_ids;
};

const Dialect& DialectOf(std::string_view engine);

}  // namespace orderly::store::sql
