#include "api/openapi/openapi_document.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace orderly::api::openapi {
namespace {

using nlohmann::json;

// Routes anyone may call; every other route needs "Authorization: Token <key>". The federation
// callback is one of them (processing.md §9.4: it only makes us ask the remote instance).
constexpr std::string_view kPublicPatterns[] = {
    "/health/",     "/metrics",   "/api-auth/password/",
    "/api/schema/", "/api/docs/", "/api/remote-waldur-api/pull_order/{order_uuid}/"};

std::vector<std::string> Segments(std::string_view pattern) {
  std::vector<std::string> segments;
  std::string current;
  for (const char c : pattern) {
    if (c == '/') {
      if (!current.empty()) segments.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) segments.push_back(current);
  return segments;
}

bool IsCapture(const std::string& segment) { return segment.size() > 2 && segment.front() == '{'; }

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower;
}

// The resource collection a path belongs to: "marketplace-orders" for
// /api/marketplace-orders/{uuid}/approve_by_provider/.
std::string TagOf(const std::vector<std::string>& segments) {
  if (segments.empty()) return "service";
  if (segments.front() != "api" || segments.size() < 2) return segments.front();
  return segments[1];
}

std::string OperationId(std::string_view method, const std::vector<std::string>& segments) {
  std::string id = Lower(method);
  for (const auto& segment : segments) {
    id += "_";
    for (const char c : IsCapture(segment) ? segment.substr(1, segment.size() - 2) : segment) {
      id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
  }
  return id;
}

// What a route does, in the REST conventions the API follows.
std::string SummaryOf(std::string_view method, const std::vector<std::string>& segments,
                      const std::string& tag) {
  const bool ends_in_capture = !segments.empty() && IsCapture(segments.back());
  const bool has_capture = std::ranges::any_of(segments, IsCapture);
  if (has_capture && !ends_in_capture) return "Action `" + segments.back() + "` on one of " + tag;
  if (ends_in_capture) {
    if (method == "GET") return "Retrieve one of " + tag;
    if (method == "PATCH" || method == "PUT") return "Update one of " + tag;
    if (method == "DELETE") return "Delete one of " + tag;
  }
  if (method == "GET") return segments.size() > 2 ? "Read " + segments.back() : "List " + tag;
  if (method == "POST") return segments.size() > 2 ? "Call " + segments.back() : "Create in " + tag;
  if (method == "PUT") return "Replace " + tag;
  return std::string(method) + " " + tag;
}

json ErrorResponse(const char* description) {
  return {
      {"description", description},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

json Operation(const Route& route) {
  const auto segments = Segments(route.pattern);
  const std::string tag = TagOf(segments);
  const bool is_list = route.method == "GET" && !segments.empty() && !IsCapture(segments.back()) &&
                       segments.size() == 2 && segments.front() == "api";
  json parameters = json::array();
  for (const auto& segment : segments) {
    if (!IsCapture(segment)) continue;
    parameters.push_back({{"name", segment.substr(1, segment.size() - 2)},
                          {"in", "path"},
                          {"required", true},
                          {"description", "The object's uuid, with or without hyphens."},
                          {"schema", {{"type", "string"}}}});
  }
  if (is_list) {
    parameters.push_back(
        {{"name", "page"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}}}});
    parameters.push_back(
        {{"name", "page_size"},
         {"in", "query"},
         {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 300}, {"default", 10}}}});
    parameters.push_back({{"name", "o"},
                          {"in", "query"},
                          {"description", "Ordering: a field name, or -field for descending."},
                          {"schema", {{"type", "string"}}}});
  }
  const bool creates = route.method == "POST" && segments.size() == 2 && segments.front() == "api";
  json responses = {{creates ? "201" : "200", {{"description", "Success."}}},
                    {"400", ErrorResponse("Invalid input: {field: [messages]} naming each field.")},
                    {"401", ErrorResponse("Missing or invalid token.")},
                    {"403", ErrorResponse("The caller's roles do not allow it.")},
                    {"404", ErrorResponse("Not found, or not visible to the caller.")}};
  if (route.method == "POST" && std::ranges::any_of(segments, IsCapture)) {
    responses["405"] = ErrorResponse("The offering type does not support this action.");
    responses["409"] = ErrorResponse("The object's state does not allow this action now.");
  }
  if (route.method != "GET") {
    responses["413"] = ErrorResponse("Body over 1 MiB.");
    responses["415"] = ErrorResponse("Body is not JSON.");
  }
  json operation = {{"operationId", OperationId(route.method, segments)},
                    {"summary", SummaryOf(route.method, segments, tag)},
                    {"tags", {tag}},
                    {"parameters", parameters},
                    {"responses", responses}};
  if (route.method == "POST" || route.method == "PATCH" || route.method == "PUT") {
    operation["requestBody"] = {
        {"required", false},
        {"content",
         {{"application/json",
           {{"schema", {{"type", "object"}, {"additionalProperties", true}}}}}}}};
  }
  if (std::ranges::find(kPublicPatterns, route.pattern) != std::end(kPublicPatterns)) {
    operation["security"] = json::array();
  }
  return operation;
}

}  // namespace

json OpenApiDocument(std::span<const Route> routes) {
  json paths = json::object();
  for (const Route& route : routes) {
    paths[std::string(route.pattern)][Lower(route.method)] = Operation(route);
  }
  return {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "orderly"},
        {"version", "0.1.0"},
        {"description",
         "Marketplace order management in Waldur's REST dialect. Lists return JSON arrays with "
         "X-Result-Count and Link headers; states and types appear as strings."}}},
      {"paths", paths},
      {"security", json::array({{{"TokenAuth", json::array()}}})},
      {"components",
       {{"securitySchemes",
         {{"TokenAuth",
           {{"type", "apiKey"},
            {"in", "header"},
            {"name", "Authorization"},
            {"description", "\"Token <key>\", the key from POST /api-auth/password/."}}}}},
        {"schemas",
         {{"Error",
           {{"oneOf",
             json::array(
                 {{{"type", "object"}, {"properties", {{"detail", {{"type", "string"}}}}}},
                  {{"type", "object"},
                   {"additionalProperties", {{"type", "array"}, {"items", {{"type", "string"}}}}}},
                  {{"type", "array"}, {"items", {{"type", "string"}}}}})}}}}}}}};
}

}  // namespace orderly::api::openapi
