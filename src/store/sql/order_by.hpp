#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "store/list_options.hpp"

namespace orderly::store::sql {

// Builds "ORDER BY <column> [DESC], id LIMIT $n OFFSET $m" from a whitelist of
// (api field, column) pairs. ORDER BY cannot take parameters, so only whitelisted text is spliced.
// Throws Error(kInvalidInput, field "o") for a field outside the list.
std::string OrderAndPage(const ListOptions& options,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> fields,
                         std::string_view default_column, int next_param);

}  // namespace orderly::store::sql
