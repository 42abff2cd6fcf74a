#include "processing/openstack/keystone_session.hpp"

namespace orderly::processing::openstack {

using backend_http::BackendError;
using nlohmann::json;

KeystoneSession Authenticate(backend_http::BackendClient& keystone,
                             const OpenStackSettings& settings) {
  const json domain = {{"name", settings.domain}};
  const backend_http::BackendRequest request{
      .method = "POST",
      .path = "/auth/tokens",
      .headers = {},
      .body = json{{"auth",
                    {{"identity",
                      {{"methods", {"password"}},
                       {"password",
                        {{"user",
                          {{"name", settings.username},
                           {"domain", domain},
                           {"password", settings.password}}}}}}},
                     {"scope", {{"project", {{"name", settings.tenant}, {"domain", domain}}}}}}}}};
  const auto response = keystone.Send(request);
  backend_http::Expect(request, response, {201}, "Keystone authentication as " + settings.username);
  KeystoneSession session;
  session.token = response.Header("x-subject-token");
  if (session.token.empty()) {
    throw BackendError("Keystone gave no token",
                       "POST /auth/tokens answered 201 without an X-Subject-Token header", false);
  }
  const json body = response.Json();
  session.catalog = body.value("/token/catalog"_json_pointer, json::array());
  session.domain_id = body.value("/token/project/domain/id"_json_pointer, std::string("default"));
  return session;
}

std::string EndpointOf(const KeystoneSession& session, const std::string& service_type,
                       const OpenStackSettings& settings) {
  for (const auto& service : session.catalog) {
    if (!service.is_object() || service.value("type", "") != service_type) continue;
    for (const auto& endpoint : service.value("endpoints", json::array())) {
      if (endpoint.value("interface", "") != settings.interface) continue;
      if (!settings.region.empty() &&
          endpoint.value("region_id", endpoint.value("region", "")) != settings.region) {
        continue;
      }
      std::string url = endpoint.value("url", "");
      while (!url.empty() && url.back() == '/') url.pop_back();
      if (!url.empty()) return url;
    }
  }
  throw BackendError("The Keystone catalog has no " + settings.interface + " " + service_type +
                         " endpoint" +
                         (settings.region.empty() ? "" : " in region " + settings.region),
                     "catalog: " + session.catalog.dump(), false);
}

}  // namespace orderly::processing::openstack
