#pragma once

#include <span>

#include "store/sql/connection.hpp"
#include "store/sql/migration.hpp"

namespace orderly::store::sql {

// Applies, in order and each in its own transaction, the migrations newer than the database's
// recorded version. Returns how many were applied.
int Migrate(Connection& connection, std::span<const Migration> migrations);

}  // namespace orderly::store::sql
