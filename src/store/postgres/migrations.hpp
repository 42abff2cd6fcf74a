#pragma once

#include <span>

#include "store/sql/migration.hpp"

namespace orderly::store::postgresql {

// Generated from migrations/postgresql/ at build time.
std::span<const sql::Migration> Migrations();

}  // namespace orderly::store::postgresql
