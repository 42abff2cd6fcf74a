#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

namespace orderly::processing::backend_http {

// Readers of an offering's secret_options for the backend processors. A missing or empty required
// key is a 400 naming it ("secret_options.<key>"), so an order the backend could never carry out
// is refused when it is placed.
std::string RequiredSecret(const nlohmann::json& secrets, const std::string& key);
std::string OptionalSecret(const nlohmann::json& secrets, const std::string& key,
                           const std::string& fallback);
// `timeout` in seconds (a positive number), `fallback` when absent.
std::chrono::seconds TimeoutSecret(const nlohmann::json& secrets, std::chrono::seconds fallback);
// The address must be one BackendClient can call (plain http).
std::string RequiredHttpUrl(const nlohmann::json& secrets, const std::string& key);

}  // namespace orderly::processing::backend_http
