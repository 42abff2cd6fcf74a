#include "agent/marketplace_client.hpp"

#include <regex>

namespace orderly::agent {
namespace {

using processing::backend_http::BackendRequest;
using processing::backend_http::BackendResponse;

constexpr const char* kUserAgent = "waldur-site-agent-order_process/orderly-agent";

// The path and query of the rel="next" link of a Link header, or "" on the last page.
std::string NextPage(const std::string& link_header) {
  static const std::regex next(R"re(<https?://[^/>]+([^>]*)>;\s*rel="next")re");
  std::smatch match;
  return std::regex_search(link_header, match, next) ? match[1].str() : std::string();
}

}  // namespace

MarketplaceClient::MarketplaceClient(const std::string& api_url, std::string token,
                                     std::chrono::seconds timeout)
    : client_(api_url, timeout), token_(std::move(token)) {}

BackendResponse MarketplaceClient::Call(const std::string& method, const std::string& path,
                                        std::optional<nlohmann::json> body,
                                        std::initializer_list<int> accepted,
                                        const std::string& what) {
  const BackendRequest request{
      .method = method,
      .path = path,
      .headers = {{"Authorization", "Token " + token_}, {"User-Agent", kUserAgent}},
      .body = std::move(body)};
  auto response = client_.Send(request);
  processing::backend_http::Expect(request, response, accepted, what);
  return response;
}

std::vector<nlohmann::json> MarketplaceClient::OrdersToProcess(const std::string& offering_uuid) {
  std::vector<nlohmann::json> orders;
  std::string path = "/api/marketplace-orders/?offering_uuid=" + offering_uuid +
                     "&state=pending-provider&state=executing&page_size=100&o=created";
  while (!path.empty()) {
    const auto response = Call("GET", path, std::nullopt, {200}, "listing the offering's orders");
    for (auto& order : response.Json()) orders.push_back(std::move(order));
    path = NextPage(response.Header("link"));
  }
  return orders;
}

nlohmann::json MarketplaceClient::Order(const std::string& order_uuid) {
  return Call("GET", "/api/marketplace-orders/" + order_uuid + "/", std::nullopt, {200},
              "reading order " + order_uuid)
      .Json();
}

nlohmann::json MarketplaceClient::ProviderResource(const std::string& resource_uuid) {
  return Call("GET", "/api/marketplace-provider-resources/" + resource_uuid + "/", std::nullopt,
              {200}, "reading resource " + resource_uuid)
      .Json();
}

void MarketplaceClient::ApproveByProvider(const std::string& order_uuid) {
  Call("POST", "/api/marketplace-orders/" + order_uuid + "/approve_by_provider/",
       nlohmann::json::object(), {200}, "approving order " + order_uuid);
}

void MarketplaceClient::RejectByProvider(const std::string& order_uuid,
                                         const std::string& comment) {
  nlohmann::json body = nlohmann::json::object();
  if (!comment.empty()) body["provider_rejection_comment"] = comment;
  Call("POST", "/api/marketplace-orders/" + order_uuid + "/reject_by_provider/", body, {200},
       "rejecting order " + order_uuid);
}

void MarketplaceClient::SetResourceBackendId(const std::string& resource_uuid,
                                             const std::string& backend_id) {
  Call("POST", "/api/marketplace-provider-resources/" + resource_uuid + "/set_backend_id/",
       nlohmann::json{{"backend_id", backend_id}}, {200},
       "setting the backend_id of resource " + resource_uuid);
}

void MarketplaceClient::SetStateDone(const std::string& order_uuid) {
  Call("POST", "/api/marketplace-orders/" + order_uuid + "/set_state_done/", std::nullopt, {200},
       "marking order " + order_uuid + " done");
}

void MarketplaceClient::SetStateErred(const std::string& order_uuid, const std::string& message,
                                      const std::string& traceback) {
  Call("POST", "/api/marketplace-orders/" + order_uuid + "/set_state_erred/",
       nlohmann::json{{"error_message", message}, {"error_traceback", traceback}}, {200},
       "marking order " + order_uuid + " erred");
}

}  // namespace orderly::agent
