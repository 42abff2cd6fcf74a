#include "api/json/sparse_fields.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace orderly::api::json {
namespace {

nlohmann::json Keep(const nlohmann::json& object, const std::vector<std::string>& fields) {
  nlohmann::json kept = nlohmann::json::object();
  for (const auto& field : fields) {
    const auto found = object.find(field);
    if (found != object.end()) kept[field] = *found;
  }
  return kept;
}

}  // namespace

void ApplySparseFields(http::Response& response, const std::vector<std::string>& fields) {
  if (fields.empty() || response.status != 200 ||
      !response.content_type.starts_with("application/json")) {
    return;
  }
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_object()) {
    body = Keep(body, fields);
  } else if (body.is_array() &&
             std::ranges::all_of(body, [](const auto& item) { return item.is_object(); })) {
    for (auto& item : body) item = Keep(item, fields);
  } else {
    return;
  }
  response.body = body.dump();
}

}  // namespace orderly::api::json
