#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "api/http/message.hpp"
#include "api/json/links.hpp"
#include "api/observability/metrics.hpp"
#include "domain/actor.hpp"
#include "service/context.hpp"
#include "store/list_options.hpp"

namespace orderly::api {

// One request on its way through a handler: the request, the services, and the caller, who is
// authenticated the first time a handler asks.
class Call {
 public:
  Call(http::Request& request, service::Context& services, observability::Metrics& metrics);

  http::Request& request() { return request_; }
  service::Context& services() { return services_; }
  observability::Metrics& metrics() { return metrics_; }
  const json::Links& links() const { return links_; }
  std::string_view Param(std::string_view name) const { return request_.Param(name); }

  // The authenticated user; Error(kUnauthenticated) without a valid "Authorization: Token ...".
  const domain::Actor& Actor();

  // page, page_size (default 10, at most 300) and o=field / o=-field.
  store::ListOptions ListOptions() const;

 private:
  http::Request& request_;
  service::Context& services_;
  observability::Metrics& metrics_;
  json::Links links_;
  std::optional<domain::Actor> actor_;
};

http::Response JsonResponse(int status, const nlohmann::json& body);

// A list page with Waldur's headers: X-Result-Count and Link (first, prev, next, last).
http::Response ListResponse(const Call& call, const store::ListOptions& options, std::int64_t total,
                            nlohmann::json items);

// The same for a short list built in memory (roles, a scope's users): orders the JSON items by one
// of `sortable` (their string values), takes the requested page and adds the list headers.
http::Response InMemoryListResponse(const Call& call, nlohmann::json items,
                                    std::initializer_list<std::string_view> sortable,
                                    std::string_view default_order);

template <typename T, typename ToJson>
http::Response ListResponse(const Call& call, const store::ListOptions& options,
                            const store::Page<T>& page, ToJson&& to_json) {
  auto items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return ListResponse(call, options, page.total, std::move(items));
}

}  // namespace orderly::api
