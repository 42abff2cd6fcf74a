#include "processing/backend_http/secret_options.hpp"

#include "domain/error.hpp"

namespace orderly::processing::backend_http {

std::string RequiredSecret(const nlohmann::json& secrets, const std::string& key) {
  const std::string field = "secret_options." + key;
  if (!secrets.is_object() || !secrets.contains(key) || secrets[key].is_null()) {
    throw InvalidField(field, "The offering's secret_options have no " + key + ".");
  }
  if (!secrets[key].is_string() || secrets[key].get<std::string>().empty()) {
    throw InvalidField(field,
                       "The offering's secret_options " + key + " must be a non-empty string.");
  }
  return secrets[key].get<std::string>();
}

std::string OptionalSecret(const nlohmann::json& secrets, const std::string& key,
                           const std::string& fallback) {
  if (!secrets.is_object() || !secrets.contains(key) || !secrets[key].is_string()) return fallback;
  const std::string value = secrets[key].get<std::string>();
  return value.empty() ? fallback : value;
}

std::chrono::seconds TimeoutSecret(const nlohmann::json& secrets, std::chrono::seconds fallback) {
  if (!secrets.is_object() || !secrets.contains("timeout")) return fallback;
  const auto& value = secrets["timeout"];
  if (!value.is_number() || value.get<double>() <= 0) {
    throw InvalidField(
        "secret_options.timeout",
        "The offering's secret_options timeout must be a positive number of seconds.");
  }
  return std::chrono::seconds(std::max<long long>(1, value.get<long long>()));
}

std::string RequiredHttpUrl(const nlohmann::json& secrets, const std::string& key) {
  std::string url = RequiredSecret(secrets, key);
  if (url.rfind("http://", 0) != 0) {
    throw InvalidField("secret_options." + key,
                       "The offering's secret_options " + key +
                           " must be an http:// address (https is not built in).");
  }
  while (url.size() > 7 && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace orderly::processing::backend_http
