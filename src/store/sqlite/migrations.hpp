#pragma once

#include <span>

#include "store/sql/migration.hpp"

namespace orderly::store::sqlite {

// Generated from migrations/sqlite/ at build time.
std::span<const sql::Migration> Migrations();

}  // namespace orderly::store::sqlite
