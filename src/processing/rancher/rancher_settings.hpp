#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

namespace orderly::processing::rancher {

// A Marketplace.Rancher offering's secret_options (docs/decisions.md "Marketplace.Rancher").
struct RancherSettings {
  std::string api_url;  // Rancher's v3 API base, ".../v3" (added when backend_url lacks it)
  std::string
      token;  // bearer token: `token`, or API key `username` (access key) : `password` (secret key)
  std::chrono::seconds timeout{30};
  // How long one attempt follows a provisioning cluster before leaving it to the next attempt.
  std::chrono::seconds cluster_wait{60};
};

// Throws InvalidField ("secret_options.<key>") when a required key is missing or malformed.
RancherSettings ReadRancherSettings(const nlohmann::json& secret_options);

}  // namespace orderly::processing::rancher
