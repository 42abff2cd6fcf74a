#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/offering.hpp"
#include "processing/backend_http/backend_client.hpp"

namespace orderly::processing::remote {

// Where the remote instance is and who we are there: an offering's secret_options
// (clarification 13). The token is a secret: it goes into the Authorization header and nowhere
// else (not into messages, tracebacks or logs).
struct RemoteSettings {
  std::string api_url;  // without a trailing slash or /api
  std::string token;
  std::string customer_uuid;  // the remote organization our projects live in
};

// Throws a final BackendError naming the missing key.
RemoteSettings SettingsOf(const domain::Offering& offering);

// The calls of processing.md §9.4 against another orderly (or Waldur) REST API. Each throws
// BackendError: transient when the remote cannot be reached, times out or answers 5xx; final
// when it answers something unexpected.
class RemoteClient {
 public:
  RemoteClient(const RemoteSettings& settings, std::chrono::seconds timeout);

  // GET /api/projects/?backend_id=...; POST /api/projects/ when there is none.
  std::string GetOrCreateProject(const std::string& backend_id, const std::string& name);
  // POST /api/marketplace-orders/ (201): the new remote order.
  nlohmann::json CreateOrder(const nlohmann::json& body);
  nlohmann::json GetOrder(const std::string& order_uuid);
  nlohmann::json GetResource(const std::string& resource_uuid);
  // POST .../update_limits/ (200): the remote order's uuid; nothing when the remote says it has
  // nothing to update ("Impossible to create update orders").
  std::optional<std::string> UpdateLimits(const std::string& resource_uuid,
                                          const nlohmann::json& limits);
  // POST .../terminate/ (200): the remote order's uuid.
  std::string Terminate(const std::string& resource_uuid);
  // POST /api/marketplace-orders/{uuid}/reject_by_consumer/ (200).
  void RejectOrder(const std::string& order_uuid);

  // Absolute URLs of remote objects, as the order body references them.
  std::string Url(const std::string& path) const { return settings_.api_url + path; }

 private:
  backend_http::BackendResponse Call(const std::string& method, const std::string& path,
                                     std::optional<nlohmann::json> body = std::nullopt);

  RemoteSettings settings_;
  backend_http::BackendClient client_;
};

}  // namespace orderly::processing::remote
