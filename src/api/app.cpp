#include "api/app.hpp"

#include <spdlog/spdlog.h>

#include "api/call.hpp"
#include "api/errors.hpp"
#include "api/routes.hpp"
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

bool IsRead(const http::Request& request) { return request.method == "GET" || request.method == "HEAD"; }

}  // namespace

App::App(service::Context& services, const std::optional<std::filesystem::path>& web_root)
    : services_(services) {
  if (web_root) site_.emplace(*web_root);
  for (const Route& route : Routes()) {
    const Endpoint endpoint = route.endpoint;
    router_.Add(std::string(route.method), std::string(route.pattern),
                [this, endpoint](http::Request& request) {
                  Call call(request, services_);
                  return endpoint(call);
                });
  }
}

http::Response App::Handle(http::Request& request) {
  try {
    auto match = router_.Match(request.method, request.path);
    if (match.status == http::MatchStatus::kNotFound) {
      if (site_ && IsRead(request) && !web::IsApiPath(request.path)) return site_->Serve(request.path);
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
    if (error.code() == ErrorCode::kInternal) spdlog::error("{} {}: {}", request.method, request.path, error.what());
    return ErrorResponse(error);
  } catch (const std::exception& error) {
    spdlog::error("{} {} failed: {}", request.method, request.path, error.what());
    return ErrorResponse(Error(ErrorCode::kInternal, "Internal server error."));
  }
}

}  // namespace orderly::api
