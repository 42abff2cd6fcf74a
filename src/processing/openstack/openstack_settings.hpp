#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

namespace orderly::processing::openstack {

// An OpenStack.Tenant offering's secret_options (docs/decisions.md "OpenStack.Tenant").
struct OpenStackSettings {
  std::string keystone_url;  // Keystone v3 base, ".../v3" (added when backend_url lacks it)
  std::string username;
  std::string password;
  std::string tenant = "admin";    // the project the admin token is scoped to
  std::string domain = "Default";  // domain name of the user and of that project
  std::string region;              // catalog region; empty: the first endpoint of the interface
  std::string interface = "public";
  std::chrono::seconds timeout{30};
};

// Throws InvalidField ("secret_options.<key>") when a required key is missing or malformed.
OpenStackSettings ReadOpenStackSettings(const nlohmann::json& secret_options);

}  // namespace orderly::processing::openstack
