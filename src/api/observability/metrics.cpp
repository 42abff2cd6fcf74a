#include "api/observability/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <sstream>

#include "domain/order.hpp"
#include "service/operations.hpp"

namespace orderly::api::observability {
namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

ClientMetric Sample(MetricType type, double value, std::vector<ClientMetric::Label> labels = {}) {
  ClientMetric metric;
  metric.label = std::move(labels);
  if (type == MetricType::Counter) {
    metric.counter.value = value;
  } else {
    metric.gauge.value = value;
  }
  return metric;
}

std::vector<MetricFamily> StoreFamilies(const service::OperationalCounts& counts) {
  MetricFamily orders{
      "orderly_orders", "Orders by offering type and state.", MetricType::Gauge, {}};
  for (const auto& count : counts.orders) {
    orders.metric.push_back(Sample(MetricType::Gauge, static_cast<double>(count.count),
                                   {{"offering_type", count.offering_type},
                                    {"state", std::string(domain::NameOf(count.state))}}));
  }
  MetricFamily events{"orderly_events_total",
                      "Events written to the event log, by type; rate() of the transition types "
                      "gives transitions per second.",
                      MetricType::Counter,
                      {}};
  for (const auto& [type, count] : counts.events) {
    events.metric.push_back(
        Sample(MetricType::Counter, static_cast<double>(count), {{"event_type", type}}));
  }
  MetricFamily jobs{"orderly_jobs",
                    "Background jobs by state (queued, running, done, failed).",
                    MetricType::Gauge,
                    {}};
  for (const auto& [state, count] : counts.jobs) {
    jobs.metric.push_back(
        Sample(MetricType::Gauge, static_cast<double>(count), {{"state", state}}));
  }
  MetricFamily stuck{"orderly_stuck_resources",
                     "Resources Creating, Updating or Terminating for longer than --stuck-after.",
                     MetricType::Gauge,
                     {Sample(MetricType::Gauge, static_cast<double>(counts.stuck_resources))}};
  MetricFamily pool{
      "orderly_db_pool_connections",
      "Database connections of this process by use.",
      MetricType::Gauge,
      {Sample(MetricType::Gauge, counts.pool.in_use, {{"state", "in_use"}}),
       Sample(MetricType::Gauge, counts.pool.size - counts.pool.in_use, {{"state", "idle"}})}};
  MetricFamily waits{"orderly_db_pool_waits_total",
                     "Times a request found no idle database connection and waited.",
                     MetricType::Counter,
                     {Sample(MetricType::Counter, static_cast<double>(counts.pool.waits))}};
  return {orders, events, jobs, stuck, pool, waits};
}

}  // namespace

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()) {
  requests_ = &prometheus::BuildCounter()
                   .Name("orderly_http_requests_total")
                   .Help("HTTP requests by method, route pattern and status.")
                   .Register(*registry_);
  durations_ =
      &prometheus::BuildHistogram()
           .Name("orderly_http_request_duration_seconds")
           .Help("Time from a parsed request to its response, by method and route pattern.")
           .Register(*registry_);
}

Metrics::~Metrics() = default;

void Metrics::ObserveRequest(std::string_view method, std::string_view route, int status,
                             double seconds) {
  static const prometheus::Histogram::BucketBoundaries kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
  const std::string method_label(method);
  const std::string route_label(route);
  requests_
      ->Add({{"method", method_label}, {"route", route_label}, {"status", std::to_string(status)}})
      .Increment();
  durations_->Add({{"method", method_label}, {"route", route_label}}, kBuckets).Observe(seconds);
}

std::string Metrics::Render(service::Context& services) {
  auto families = registry_->Collect();
  auto store_families = StoreFamilies(service::ReadOperationalCounts(services));
  families.insert(families.end(), store_families.begin(), store_families.end());
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, families);
  return out.str();
}

}  // namespace orderly::api::observability
