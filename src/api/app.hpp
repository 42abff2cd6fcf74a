#pragma once

#include <filesystem>
#include <optional>

#include "api/http/message.hpp"
#include "api/http/router.hpp"
#include "api/observability/metrics.hpp"
#include "api/web/static_site.hpp"
#include "service/context.hpp"

namespace orderly::api {

// The HTTP handler of the whole API: routes the request, runs the endpoint, and turns every
// failure into the response the conventions prescribe. Nothing escapes it.
class App {
 public:
  // With a web root, GET and HEAD of paths outside the API serve the web UI from it.
  explicit App(service::Context& services,
               const std::optional<std::filesystem::path>& web_root = {});
  // Also gives every response an X-Request-ID, counts it in the metrics and logs one line for it.
  http::Response Handle(http::Request& request);

 private:
  http::Response Dispatch(http::Request& request);

  service::Context& services_;
  observability::Metrics metrics_;
  http::Router router_;
  http::Router gaps_;  // Waldur endpoints orderly does not serve (waldur_gaps.hpp)
  std::optional<web::StaticSite> site_;
};

}  // namespace orderly::api
