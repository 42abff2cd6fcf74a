#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace orderly::store::sql {

// A bound parameter or a fetched cell. Engines that return text for everything (libpq) are read
// through the same accessors, which convert.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}

  bool IsNull(std::size_t column) const;
  std::int64_t Int(std::size_t column) const;
  bool Bool(std::size_t column) const { return Int(column) != 0; }
  std::string Text(std::size_t column) const;
  std::optional<std::string> OptionalText(std::size_t column) const;
  std::optional<std::int64_t> OptionalInt(std::size_t column) const;

 private:
  std::vector<Value> cells_;
};

struct Result {
  std::vector<Row> rows;
  std::int64_t changes = 0;  // rows inserted, updated or deleted
};

// Helpers for building parameter lists from optional values.
inline Value Nullable(const std::optional<std::string>& text) {
  return text ? Value(*text) : Value(std::monostate{});
}
inline Value Nullable(const std::optional<long long>& number) {
  return number ? Value(static_cast<std::int64_t>(*number)) : Value(std::monostate{});
}
inline Value Flag(bool value) { return Value(static_cast<std::int64_t>(value ? 1 : 0)); }

}  // namespace orderly::store::sql
