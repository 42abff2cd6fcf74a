#pragma once

#include <span>
#include <string_view>

namespace orderly::store::sql {

// One numbered schema step; the list for each engine is generated from migrations/<engine>/.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

}  // namespace orderly::store::sql
