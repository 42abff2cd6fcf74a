#include "api/app.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>

#include "api/call.hpp"
#include "api/errors.hpp"
#include "api/json/sparse_fields.hpp"
#include "api/observability/logging.hpp"
#include "api/observability/request_id.hpp"
#include "api/routes.hpp"
#include "api/waldur_gaps.hpp"
#include "domain/ids.hpp"

namespace orderly::api {
namespace {

// Path captures named "uuid" must be uuids; anything else cannot name an object, so it is a 404.
bool UuidParamsValid(http::Request& request) {
  for (auto& [name, value] : request.path_params) {
    if (name != "uuid") continue;
    value = domain::NormalizeUuid(value);
    if (value.empty()) return false;
  }
  return true;
}

bool IsRead(const http::Request& request) {
  return request.method == "GET" || request.method == "HEAD";
}

}  // namespace

App::App(service::Context& services, const std::optional<std::filesystem::path>& web_root)
    : services_(services) {
  if (web_root) site_.emplace(*web_root);
  for (const Route& route : Routes()) {
    const Endpoint endpoint = route.endpoint;
    const std::string_view pattern = route.pattern;
    router_.Add(std::string(route.method), std::string(route.pattern),
                [this, endpoint, pattern](http::Request& request) {
                  request.route = pattern;
                  // The request's own copy, so that what it changes is logged with its id.
                  service::Context context = services_;
                  context.request_id = request.request_id;
                  Call call(request, context, metrics_);
                  return endpoint(call);
                });
  }
  for (const WaldurGap& gap : WaldurGaps()) {
    for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
      gaps_.Add(method, std::string(gap.pattern), [gap](http::Request& request) -> http::Response {
        request.route = gap.pattern;
        throw NotFound(std::string(gap.detail));
      });
    }
  }
}

http::Response App::Handle(http::Request& request) {
  const auto started = std::chrono::steady_clock::now();
  request.request_id = observability::RequestIdOf(request);
  const std::string& request_id = request.request_id;
  auto response = Dispatch(request);
  if (request.method == "GET" && request.HasQuery("field")) {
    json::ApplySparseFields(response, request.QueryAll("field"));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  response.headers.emplace_back("X-Request-ID", request_id);
  const std::string_view route =
      request.route.empty() ? std::string_view("unmatched") : request.route;
  metrics_.ObserveRequest(request.method, route, response.status, seconds);
  observability::LogFields("request", {{"event", "request"},
                                       {"method", request.method},
                                       {"route", route},
                                       {"path", request.path},
                                       {"status", response.status},
                                       {"duration_ms", std::round(seconds * 100000.0) / 100.0},
                                       {"user", request.user},
                                       {"request_id", request_id}});
  return response;
}

http::Response App::Dispatch(http::Request& request) {
  try {
    auto match = router_.Match(request.method, request.path);
    if (match.status == http::MatchStatus::kNotFound) {
      if (site_ && IsRead(request) && !web::IsApiPath(request.path)) {
        request.route = "web";  // one label for every file of the UI, in logs and metrics
        return site_->Serve(request.path);
      }
      const auto gap = gaps_.Match(request.method, request.path);
      if (gap.status == http::MatchStatus::kFound) return (*gap.handler)(request);
      throw NotFound("Not found.");
    }
    if (match.status == http::MatchStatus::kMethodNotAllowed) {
      auto response = ErrorResponse(
          Error(ErrorCode::kNotSupported, "Method \"" + request.method + "\" not allowed."));
      response.headers.emplace_back("Allow", match.Allow());
      return response;
    }
    request.path_params = std::move(match.params);
    if (!UuidParamsValid(request)) throw NotFound("Not found.");
    return (*match.handler)(request);
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kInternal)
      spdlog::error("{} {}: {}", request.method, request.path, error.what());
    return ErrorResponse(error);
  } catch (const std::exception& error) {
    spdlog::error("{} {} failed: {}", request.method, request.path, error.what());
    return ErrorResponse(Error(ErrorCode::kInternal, "Internal server error."));
  }
}

}  // namespace orderly::api
