#include "processing/openstack/openstack_settings.hpp"

#include "processing/backend_http/secret_options.hpp"

namespace orderly::processing::openstack {

using namespace backend_http;

OpenStackSettings ReadOpenStackSettings(const nlohmann::json& secrets) {
  OpenStackSettings settings;
  settings.keystone_url = RequiredHttpUrl(secrets, "backend_url");
  const std::string suffix = "/v3";
  if (settings.keystone_url.size() < suffix.size() ||
      settings.keystone_url.compare(settings.keystone_url.size() - suffix.size(), suffix.size(),
                                    suffix) != 0) {
    settings.keystone_url += suffix;
  }
  settings.username = RequiredSecret(secrets, "username");
  settings.password = RequiredSecret(secrets, "password");
  settings.tenant = OptionalSecret(secrets, "tenant", settings.tenant);
  settings.domain = OptionalSecret(secrets, "domain", settings.domain);
  settings.region = OptionalSecret(secrets, "region", settings.region);
  settings.interface = OptionalSecret(secrets, "interface", settings.interface);
  settings.timeout = TimeoutSecret(secrets, settings.timeout);
  return settings;
}

}  // namespace orderly::processing::openstack
