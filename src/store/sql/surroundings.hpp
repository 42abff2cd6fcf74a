#pragma once

#include <cstddef>

#include "store/order_repository.hpp"
#include "store/sql/value.hpp"

namespace orderly::store::sql {

// Orders and resources select their surroundings in one layout of 16 columns starting at `first`:
// project uuid, name, start and end date; organization id, uuid, name, blocked; offering uuid,
// name, type, organization id; provider uuid, name; plan uuid, name.
Surroundings ReadSurroundings(const Row& row, std::size_t first);

}  // namespace orderly::store::sql
