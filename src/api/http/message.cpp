#include "api/http/message.hpp"

#include <algorithm>

namespace orderly::api::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string_view FirstValue(const Pairs& pairs, std::string_view name) {
  auto found = std::find_if(pairs.begin(), pairs.end(),
                            [name](const auto& pair) { return pair.first == name; });
  return found == pairs.end() ? std::string_view{} : std::string_view{found->second};
}

}  // namespace

std::string_view Request::Header(std::string_view lower_name) const {
  return FirstValue(headers, lower_name);
}

std::string_view Request::Query(std::string_view name) const { return FirstValue(query, name); }

bool Request::HasQuery(std::string_view name) const {
  return std::any_of(query.begin(), query.end(),
                     [name](const auto& pair) { return pair.first == name; });
}

std::vector<std::string> Request::QueryAll(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : query) {
    if (key == name) values.push_back(value);
  }
  return values;
}

std::string_view Request::Param(std::string_view name) const {
  return FirstValue(path_params, name);
}

}  // namespace orderly::api::http
