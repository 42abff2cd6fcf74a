#pragma once

#include "api/http/message.hpp"
#include "api/http/router.hpp"
#include "service/context.hpp"

namespace orderly::api {

// The HTTP handler of the whole API: routes the request, runs the endpoint, and turns every
// failure into the response the conventions prescribe. Nothing escapes it.
class App {
 public:
  explicit App(service::Context& services);
  http::Response Handle(http::Request& request);

 private:
  service::Context& services_;
  http::Router router_;
};

}  // namespace orderly::api
