#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api/http/message.hpp"

namespace orderly::api::json {

// The request body as a JSON object. Not JSON by its Content-Type: 415; malformed or not an
// object: 400. An empty body reads as {} so that bodiless action POSTs work.
nlohmann::json ObjectBody(const http::Request& request);

// Typed readers: absent (or null where allowed) gives the default; a wrong type is a 400 naming
// the field.
std::string RequiredString(const nlohmann::json& body, const std::string& field);
std::optional<std::string> OptionalString(const nlohmann::json& body, const std::string& field);
std::optional<bool> OptionalBool(const nlohmann::json& body, const std::string& field);
std::optional<long long> OptionalInteger(const nlohmann::json& body, const std::string& field);
std::optional<nlohmann::json> OptionalObject(const nlohmann::json& body, const std::string& field);
std::optional<nlohmann::json> OptionalArray(const nlohmann::json& body, const std::string& field);
// A decimal given as a JSON number or a numeric string; returned as text.
std::optional<std::string> OptionalDecimal(const nlohmann::json& body, const std::string& field);

// A field that may be present with null (clear) or a string.
struct NullableString {
  bool present = false;
  std::optional<std::string> value;
};
NullableString OptionalNullableString(const nlohmann::json& body, const std::string& field);

// An object named by its url (".../<uuid>/") or bare uuid; 400 naming the field otherwise.
std::string RequiredReference(const nlohmann::json& body, const std::string& field);
std::string ReferenceUuid(const std::string& field, const std::string& text);

}  // namespace orderly::api::json
