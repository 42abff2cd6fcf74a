#include "store/sql/order_by.hpp"

#include "domain/error.hpp"

namespace orderly::store::sql {

std::string OrderAndPage(
    const ListOptions& options,
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields,
    std::string_view default_column, int next_param) {
  std::string column(default_column);
  if (!options.order_field.empty()) {
    column.clear();
    for (const auto& [field, mapped] : fields) {
      if (field == options.order_field) column = mapped;
    }
    if (column.empty()) {
      std::string allowed;
      for (const auto& [field, mapped] : fields) {
        allowed += (allowed.empty() ? "" : ", ") + std::string(field);
      }
      throw InvalidField(
          "o", "Cannot order by '" + options.order_field + "'. Choose from: " + allowed + ".");
    }
  }
  // Ties are broken by id so pages never overlap; the table alias comes from the default column.
  const auto dot = default_column.find('.');
  const std::string id_column =
      dot == std::string_view::npos ? "id" : std::string(default_column.substr(0, dot)) + ".id";
  // NULLs sort as SQLite sorts them (smallest) on PostgreSQL too, where they are the largest.
  std::string clause =
      " ORDER BY " + column + (options.descending ? " DESC NULLS LAST" : " NULLS FIRST");
  clause += column == id_column ? "" : ", " + id_column + (options.descending ? " DESC" : "");
  clause += " LIMIT $" + std::to_string(next_param) + " OFFSET $" + std::to_string(next_param + 1);
  return clause;
}

}  // namespace orderly::store::sql
