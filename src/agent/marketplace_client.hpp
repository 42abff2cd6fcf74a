#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "processing/backend_http/backend_client.hpp"

namespace orderly::agent {

// The calls of the site-agent contract (spec processing.md §12) that the order loop makes, in the
// shape Waldur's site agent sends them. Transport failures and 5xx throw BackendError (transient);
// other unexpected answers throw a final BackendError quoting the server.
class MarketplaceClient {
 public:
  MarketplaceClient(const std::string& api_url, std::string token, std::chrono::seconds timeout);

  // Orders of the offering in pending-provider or executing, following Link rel="next".
  std::vector<nlohmann::json> OrdersToProcess(const std::string& offering_uuid);
  nlohmann::json Order(const std::string& order_uuid);
  nlohmann::json ProviderResource(const std::string& resource_uuid);

  void ApproveByProvider(const std::string& order_uuid);
  void RejectByProvider(const std::string& order_uuid, const std::string& comment);
  void SetResourceBackendId(const std::string& resource_uuid, const std::string& backend_id);
  void SetStateDone(const std::string& order_uuid);
  void SetStateErred(const std::string& order_uuid, const std::string& message,
                     const std::string& traceback);

 private:
  processing::backend_http::BackendResponse Call(const std::string& method, const std::string& path,
                                                 std::optional<nlohmann::json> body,
                                                 std::initializer_list<int> accepted,
                                                 const std::string& what);

  processing::backend_http::BackendClient client_;
  std::string token_;
};

}  // namespace orderly::agent
