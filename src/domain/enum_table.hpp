#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace orderly::domain {

// One row of an enum's vocabulary: the value, Waldur's stored numeric code and its API name.
template <typename E>
struct EnumEntry {
  E value;
  int code;
  std::string_view name;
};

template <typename E>
std::optional<E> EnumByName(std::span<const EnumEntry<E>> table, std::string_view name) {
  for (const auto& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

template <typename E>
std::optional<E> EnumByCode(std::span<const EnumEntry<E>> table, int code) {
  for (const auto& entry : table) {
    if (entry.code == code) return entry.value;
  }
  return std::nullopt;
}

template <typename E>
const EnumEntry<E>& EnumEntryOf(std::span<const EnumEntry<E>> table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry;
  }
  return table.front();  // unreachable for a complete table; enum_tables_test checks completeness
}

}  // namespace orderly::domain
