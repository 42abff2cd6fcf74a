#include "api/handlers/structure_handlers.hpp"
#include "api/json/body.hpp"
#include "service/auth.hpp"

namespace orderly::api::handlers {

http::Response Health(Call& call) {
  if (!call.services().store.Ping()) {
    return JsonResponse(503, {{"status", "unavailable"}, {"store", call.services().store.Engine()}});
  }
  return JsonResponse(200, {{"status", "ok"}, {"store", call.services().store.Engine()}});
}

http::Response PrometheusMetrics(Call& call) {
  return http::Response{.status = 200,
                        .content_type = "text/plain; version=0.0.4; charset=utf-8",
                        .body = call.metrics().Render(call.services()),
                        .headers = {}};
}

http::Response ObtainToken(Call& call) {
  const auto body = json::ObjectBody(call.request());
  const std::string username = json::RequiredString(body, "username");
  const std::string password = json::RequiredString(body, "password");
  return JsonResponse(200, {{"token", service::Login(call.services(), username, password)}});
}

}  // namespace orderly::api::handlers
