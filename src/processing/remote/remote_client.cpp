#include "processing/remote/remote_client.hpp"

namespace orderly::processing::remote {
namespace {

using backend_http::BackendError;
using backend_http::BackendRequest;
using backend_http::BackendResponse;
using backend_http::Expect;

std::string SecretText(const nlohmann::json& secrets, const char* key) {
  if (!secrets.is_object() || !secrets.contains(key) || !secrets[key].is_string() ||
      secrets[key].get<std::string>().empty()) {
    throw BackendError(
        std::string("Remote offering is not configured: secret_options.") + key + " is missing.",
        "", false);
  }
  return secrets[key].get<std::string>();
}

// Clarification 13: api_url comes with or without a trailing /api/.
std::string BaseOf(std::string api_url) {
  while (!api_url.empty() && api_url.back() == '/') api_url.pop_back();
  constexpr std::string_view kApi = "/api";
  if (api_url.ends_with(kApi)) api_url.resize(api_url.size() - kApi.size());
  return api_url;
}

std::string TextField(const nlohmann::json& object, const char* key, const std::string& what) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) {
    throw BackendError(what + ": the remote answer has no '" + key + "'",
                       object.dump().substr(0, 2000), false);
  }
  return object[key].get<std::string>();
}

}  // namespace

RemoteSettings SettingsOf(const domain::Offering& offering) {
  return RemoteSettings{.api_url = BaseOf(SecretText(offering.secret_options, "api_url")),
                        .token = SecretText(offering.secret_options, "token"),
                        .customer_uuid = SecretText(offering.secret_options, "customer_uuid")};
}

RemoteClient::RemoteClient(const RemoteSettings& settings, std::chrono::seconds timeout)
    : settings_(settings), client_(settings.api_url, timeout) {}

BackendResponse RemoteClient::Call(const std::string& method, const std::string& path,
                                   std::optional<nlohmann::json> body) {
  BackendRequest request{.method = method,
                         .path = path,
                         .headers = {{"Authorization", "Token " + settings_.token}},
                         .body = std::move(body)};
  auto response = client_.Send(request);
  // Keep the request for Expect's message without the header that carries the token.
  request.headers.clear();
  if (response.status == 401 || response.status == 403) {
    Expect(request, response, {200}, "authenticating at the remote instance");
  }
  return response;
}

std::string RemoteClient::GetOrCreateProject(const std::string& backend_id,
                                             const std::string& name) {
  const std::string list_path = "/api/projects/?backend_id=" + backend_id;
  const auto found = Call("GET", list_path);
  Expect({.method = "GET", .path = list_path}, found, {200}, "looking up the remote project");
  const auto projects = found.Json();
  if (projects.is_array() && projects.size() > 1) {
    throw BackendError("There are multiple projects in remote Waldur.", list_path, false);
  }
  if (projects.is_array() && projects.size() == 1)
    return TextField(projects[0], "uuid", "remote project");
  const nlohmann::json body = {{"customer", Url("/api/customers/" + settings_.customer_uuid + "/")},
                               {"name", name},
                               {"backend_id", backend_id}};
  const auto created = Call("POST", "/api/projects/", body);
  Expect({.method = "POST", .path = "/api/projects/"}, created, {201},
         "creating the remote project");
  return TextField(created.Json(), "uuid", "remote project");
}

nlohmann::json RemoteClient::CreateOrder(const nlohmann::json& body) {
  const auto created = Call("POST", "/api/marketplace-orders/", body);
  Expect({.method = "POST", .path = "/api/marketplace-orders/"}, created, {201},
         "creating the remote order");
  auto order = created.Json();
  TextField(order, "uuid", "remote order");
  return order;
}

nlohmann::json RemoteClient::GetOrder(const std::string& order_uuid) {
  const std::string path = "/api/marketplace-orders/" + order_uuid + "/";
  const auto found = Call("GET", path);
  Expect({.method = "GET", .path = path}, found, {200}, "reading the remote order");
  return found.Json();
}

nlohmann::json RemoteClient::GetResource(const std::string& resource_uuid) {
  const std::string path = "/api/marketplace-resources/" + resource_uuid + "/";
  const auto found = Call("GET", path);
  Expect({.method = "GET", .path = path}, found, {200}, "reading the remote resource");
  return found.Json();
}

std::optional<std::string> RemoteClient::UpdateLimits(const std::string& resource_uuid,
                                                      const nlohmann::json& limits) {
  const std::string path = "/api/marketplace-resources/" + resource_uuid + "/update_limits/";
  const auto answer = Call("POST", path, nlohmann::json{{"limits", limits}});
  if (answer.status == 400 &&
      answer.body.find("Impossible to create update orders") != std::string::npos) {
    return std::nullopt;
  }
  Expect({.method = "POST", .path = path}, answer, {200}, "updating the remote limits");
  return TextField(answer.Json(), "order_uuid", "remote update_limits");
}

std::string RemoteClient::Terminate(const std::string& resource_uuid) {
  const std::string path = "/api/marketplace-resources/" + resource_uuid + "/terminate/";
  const auto answer = Call("POST", path, nlohmann::json::object());
  Expect({.method = "POST", .path = path}, answer, {200}, "terminating the remote resource");
  return TextField(answer.Json(), "order_uuid", "remote terminate");
}

void RemoteClient::RejectOrder(const std::string& order_uuid) {
  const std::string path = "/api/marketplace-orders/" + order_uuid + "/reject_by_consumer/";
  const auto answer = Call("POST", path, nlohmann::json::object());
  Expect({.method = "POST", .path = path}, answer, {200}, "rejecting the remote order");
}

}  // namespace orderly::processing::remote
