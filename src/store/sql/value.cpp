#include "store/sql/value.hpp"

#include <stdexcept>

namespace orderly::store::sql {

bool Row::IsNull(std::size_t column) const {
  return std::holds_alternative<std::monostate>(cells_.at(column));
}

std::int64_t Row::Int(std::size_t column) const {
  const Value& cell = cells_.at(column);
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return *number;
  if (const auto* real = std::get_if<double>(&cell)) return static_cast<std::int64_t>(*real);
  if (const auto* text = std::get_if<std::string>(&cell)) {
    if (*text == "t" || *text == "true") return 1;
    if (*text == "f" || *text == "false") return 0;
    return std::stoll(*text);
  }
  throw std::runtime_error("NULL where a number was expected in column " + std::to_string(column));
}

std::string Row::Text(std::size_t column) const {
  const Value& cell = cells_.at(column);
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return std::to_string(*number);
  if (const auto* real = std::get_if<double>(&cell)) return std::to_string(*real);
  return {};
}

std::optional<std::string> Row::OptionalText(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::optional<std::int64_t> Row::OptionalInt(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

}  // namespace orderly::store::sql
