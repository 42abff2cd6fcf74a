#include "processing/rancher/rancher_settings.hpp"

#include "domain/error.hpp"
#include "processing/backend_http/secret_options.hpp"

namespace orderly::processing::rancher {

using namespace backend_http;

RancherSettings ReadRancherSettings(const nlohmann::json& secrets) {
  RancherSettings settings;
  settings.api_url = RequiredHttpUrl(secrets, "backend_url");
  const std::string suffix = "/v3";
  if (settings.api_url.size() < suffix.size() ||
      settings.api_url.compare(settings.api_url.size() - suffix.size(), suffix.size(), suffix) !=
          0) {
    settings.api_url += suffix;
  }
  if (secrets.is_object() && secrets.contains("token")) {
    settings.token = RequiredSecret(secrets, "token");
  } else if (secrets.is_object() && secrets.contains("username")) {
    settings.token =
        RequiredSecret(secrets, "username") + ":" + RequiredSecret(secrets, "password");
  } else {
    throw InvalidField(
        "secret_options.token",
        "The offering's secret_options have no token (or username and password of an API key).");
  }
  settings.timeout = TimeoutSecret(secrets, settings.timeout);
  if (secrets.contains("cluster_wait_seconds")) {
    const auto& wait = secrets["cluster_wait_seconds"];
    if (!wait.is_number_integer() || wait.get<long long>() < 0) {
      throw InvalidField(
          "secret_options.cluster_wait_seconds",
          "The offering's secret_options cluster_wait_seconds must be a whole number of seconds.");
    }
    settings.cluster_wait = std::chrono::seconds(wait.get<long long>());
  }
  return settings;
}

}  // namespace orderly::processing::rancher
