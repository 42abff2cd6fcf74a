#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace orderly::store {

// The tables of the schema in an order that copies parents before the rows that refer to them.
// CopyStore refuses to run when the schema has a table this list does not name.
const std::vector<std::string>& CopiedTables();

struct CopyReport {
  std::vector<std::pair<std::string, std::int64_t>> rows_per_table;
};

// `orderly migrate-store`: copies every row of every table from one store to another (e.g.
// sqlite:PATH to postgresql://...), ids included, in one transaction on each side. Both are
// migrated to the current schema first. Throws, leaving the target as it was, when the target
// already holds data or when the row counts differ at the end.
CopyReport CopyStore(const std::string& from_url, const std::string& to_url);

}  // namespace orderly::store
