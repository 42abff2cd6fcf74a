#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "service/context.hpp"

namespace prometheus {
class Registry;
class Counter;
class Histogram;
template <typename T>
class Family;
}  // namespace prometheus

namespace orderly::api::observability {

// The Prometheus metrics of one server process: request counts and latencies observed as requests
// pass, and the deployment's counts (orders, events, jobs, stuck resources, connection pool) read
// from the store at each scrape, so that every node of a cluster reports the same totals.
class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // `route` is the matched route's pattern ("/api/marketplace-orders/{uuid}/"), never the raw path,
  // so that the number of label values stays bounded.
  void ObserveRequest(std::string_view method, std::string_view route, int status, double seconds);

  // The text exposition format (version 0.0.4).
  std::string Render(service::Context& services);

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>* requests_;
  prometheus::Family<prometheus::Histogram>* durations_;
};

}  // namespace orderly::api::observability
