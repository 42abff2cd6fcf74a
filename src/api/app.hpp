#pragma once

#include "api/http/message.hpp"
#include "api/http/router.hpp"
#include "api/observability/metrics.hpp"
#include "service/context.hpp"

namespace orderly::api {

// The HTTP handler of the whole API: routes the request, runs the endpoint, and turns every
// failure into the response the conventions prescribe. Nothing escapes it.
class App {
 public:
  explicit App(service::Context& services);
  // Also gives every response an X-Request-ID, counts it in the metrics and logs one line for it.
  http::Response Handle(http::Request& request);

 private:
  http::Response Dispatch(http::Request& request);

  service::Context& services_;
  observability::Metrics metrics_;
  http::Router router_;
};

}  // namespace orderly::api
