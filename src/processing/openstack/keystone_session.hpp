#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "processing/backend_http/backend_client.hpp"
#include "processing/openstack/openstack_settings.hpp"

namespace orderly::processing::openstack {

// A Keystone v3 token and the service catalog that came with it.
struct KeystoneSession {
  std::string token;      // the X-Subject-Token answer header; sent back as X-Auth-Token
  std::string domain_id;  // the domain of the scoped project: new tenants go there too
  nlohmann::json catalog = nlohmann::json::array();
};

// POST /v3/auth/tokens with the password method, scoped to the settings' project. Throws
// BackendError (final for a refusal such as 401, transient for 5xx and unreachable).
KeystoneSession Authenticate(backend_http::BackendClient& keystone,
                             const OpenStackSettings& settings);

// The URL of a service (`compute`, `network`, `volumev3`) in the catalog, for the settings'
// interface and region. Throws a final BackendError naming what is missing.
std::string EndpointOf(const KeystoneSession& session, const std::string& service_type,
                       const OpenStackSettings& settings);

}  // namespace orderly::processing::openstack
