#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/json/links.hpp"
#include "domain/event.hpp"
#include "store/order_repository.hpp"
#include "store/resource_repository.hpp"

namespace orderly::api::json {

// Waldur's order and resource representations. `with_traceback` follows clarification 15.
nlohmann::json OrderJson(const Links& links, const store::OrderRecord& record, bool with_traceback,
                         const std::vector<std::string>& available_actions);
nlohmann::json ResourceJson(const Links& links, const store::ResourceRecord& record, bool with_traceback,
                            const std::vector<std::string>& available_actions);
nlohmann::json EventJson(const domain::Event& event, bool with_traceback);

// A state or type filter value: the API name or the numeric code (spec README §3 conventions).
template <typename E>
std::optional<E> ParseEnum(std::span<const domain::EnumEntry<E>> table, const std::string& text) {
  if (auto by_name = domain::EnumByName(table, text)) return by_name;
  try {
    std::size_t used = 0;
    const int code = std::stoi(text, &used);
    if (used == text.size()) return domain::EnumByCode(table, code);
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace orderly::api::json
