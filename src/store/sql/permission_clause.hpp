#pragma once

#include <string>

#include "store/order_repository.hpp"
#include "store/sql/params.hpp"

namespace orderly::store::sql {

// "(col IN (...) OR ...)": the user holds, through one of their roles, `scope.permission` on one of
// the scopes `scope` names. Columns are the SQL expressions of those scopes' ids in the outer
// query.
struct ScopeColumns {
  const char* project;
  const char* customer;
  const char* offering_customer;
  const char* offering;
};

std::string HoldsPermissionClause(Params& params, std::int64_t user_id,
                                  const PermissionScope& scope, const ScopeColumns& columns);

// A list of values as "($3, $4, ...)" for IN.
template <typename Range, typename ToValue>
std::string InList(Params& params, const Range& values, ToValue&& to_value) {
  std::string list = "(";
  for (const auto& value : values) {
    list += (list.size() > 1 ? ", " : "") + params.Add(to_value(value));
  }
  return list + ")";
}

}  // namespace orderly::store::sql
