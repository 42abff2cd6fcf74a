#include "api/json/body.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>

#include "domain/error.hpp"
#include "domain/ids.hpp"

namespace orderly::api::json {
namespace {

bool IsJsonContentType(std::string_view content_type) {
  std::string lower(content_type.substr(0, content_type.find(';')));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  while (!lower.empty() && lower.back() == ' ') lower.pop_back();
  return lower == "application/json" ||
         (lower.starts_with("application/") && lower.ends_with("+json"));
}

const nlohmann::json* Field(const nlohmann::json& body, const std::string& field) {
  const auto found = body.find(field);
  if (found == body.end() || found->is_null()) return nullptr;
  return &*found;
}

Error WrongType(const std::string& field, const char* expected) {
  return InvalidField(field, std::string("Expected ") + expected + ".");
}

// Hostile clients (issue 9): no text field of the API needs more; a longer one is a 400 naming
// the field rather than a megabyte stored and echoed in every listing (docs/decisions.md).
constexpr std::size_t kMaxStringLength = 64 * 1024;

std::string BoundedString(const nlohmann::json& value, const std::string& field) {
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() > kMaxStringLength) {
    throw InvalidField(field, "Ensure this field has no more than " +
                                  std::to_string(kMaxStringLength) + " characters.");
  }
  return text;
}

}  // namespace

nlohmann::json ObjectBody(const http::Request& request) {
  const bool blank = std::all_of(request.body.begin(), request.body.end(),
                                 [](unsigned char c) { return std::isspace(c); });
  if (blank) return nlohmann::json::object();
  if (!IsJsonContentType(request.Header("content-type"))) {
    throw Error(ErrorCode::kUnsupportedMediaType,
                "Unsupported media type in request; send application/json.");
  }
  // Depth is bounded by the parser callback so a deeply nested body cannot exhaust the stack.
  int depth = 0;
  constexpr int kMaxDepth = 64;
  auto limit_depth = [&depth](int, nlohmann::json::parse_event_t event, nlohmann::json&) {
    if (event == nlohmann::json::parse_event_t::object_start ||
        event == nlohmann::json::parse_event_t::array_start) {
      if (++depth > kMaxDepth) throw Error(ErrorCode::kInvalidInput, "JSON nests too deeply.");
    } else if (event == nlohmann::json::parse_event_t::object_end ||
               event == nlohmann::json::parse_event_t::array_end) {
      --depth;
    }
    return true;
  };
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(request.body, limit_depth);
  } catch (const nlohmann::json::exception& error) {
    throw Error(ErrorCode::kInvalidInput, std::string("JSON parse error: ") + error.what());
  }
  if (!body.is_object())
    throw Error(ErrorCode::kInvalidInput, "Request body must be a JSON object.");
  return body;
}

std::string RequiredString(const nlohmann::json& body, const std::string& field) {
  const auto* value = Field(body, field);
  if (value == nullptr) throw InvalidField(field, "This field is required.");
  if (!value->is_string()) throw WrongType(field, "a string");
  return BoundedString(*value, field);
}

std::optional<std::string> OptionalString(const nlohmann::json& body, const std::string& field) {
  const auto* value = Field(body, field);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) throw WrongType(field, "a string");
  return BoundedString(*value, field);
}

std::optional<bool> OptionalBool(const nlohmann::json& body, const std::string& field) {
  const auto* value = Field(body, field);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) throw WrongType(field, "a boolean");
  return value->get<bool>();
}

std::optional<long long> OptionalInteger(const nlohmann::json& body, const std::string& field) {
  const auto* value = Field(body, field);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) throw WrongType(field, "an integer");
  // The parser keeps integers above the signed range as unsigned; read as long long they would
  // wrap round to negative numbers (found by tests/fuzz/fuzz_json_body).
  constexpr long long kMax = std::numeric_limits<long long>::max();
  if (value->is_number_unsigned() &&
      value->get<std::uint64_t>() > static_cast<std::uint64_t>(kMax)) {
    throw InvalidField(field,
                       "Ensure this value is less than or equal to " + std::to_string(kMax) + ".");
  }
  return value->get<long long>();
}

std::optional<nlohmann::json> OptionalObject(const nlohmann::json& body, const std::string& field) {
  const auto* value = Field(body, field);
  if (value == nullptr) return std::nullopt;
  if (!value->is_object()) throw WrongType(field, "a JSON object");
  return *value;
}

std::optional<nlohmann::json> OptionalArray(const nlohmann::json& body, const std::string& field) {
  const auto* value = Field(body, field);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) throw WrongType(field, "a list");
  return *value;
}

std::optional<std::string> OptionalDecimal(const nlohmann::json& body, const std::string& field) {
  const auto* value = Field(body, field);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer()) return std::to_string(value->get<long long>());
  if (value->is_number_float()) return value->dump();
  if (value->is_string()) return value->get<std::string>();
  throw WrongType(field, "a decimal number");
}

NullableString OptionalNullableString(const nlohmann::json& body, const std::string& field) {
  const auto found = body.find(field);
  if (found == body.end()) return {};
  if (found->is_null()) return {.present = true, .value = std::nullopt};
  if (!found->is_string()) throw WrongType(field, "a string or null");
  return {.present = true, .value = BoundedString(*found, field)};
}

std::string ReferenceUuid(const std::string& field, const std::string& text) {
  std::string_view trimmed = text;
  while (!trimmed.empty() && trimmed.back() == '/') trimmed.remove_suffix(1);
  const auto slash = trimmed.rfind('/');
  const std::string_view last =
      slash == std::string_view::npos ? trimmed : trimmed.substr(slash + 1);
  const domain::Uuid uuid = domain::NormalizeUuid(last);
  if (uuid.empty()) throw InvalidField(field, "Invalid hyperlink - Incorrect URL match.");
  return uuid;
}

std::string RequiredReference(const nlohmann::json& body, const std::string& field) {
  return ReferenceUuid(field, RequiredString(body, field));
}

}  // namespace orderly::api::json
