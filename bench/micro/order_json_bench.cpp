// JSON is on every request: an order is encoded for each GET, each list item and each create, and
// the create body is decoded. nlohmann/json stays until a figure here says otherwise (STACK.md).
#include <benchmark/benchmark.h>

#include "api/http/message.hpp"
#include "api/json/body.hpp"
#include "api/json/lifecycle_json.hpp"
#include "micro/micro_fixtures.hpp"

namespace orderly::bench {
namespace {

const std::vector<std::string> kActions = {"approve_by_provider", "reject_by_provider", "cancel"};

void BM_OrderJson_Build(benchmark::State& state) {
  const api::json::Links links("http://127.0.0.1:8080");
  const auto record = SampleOrderRecord(domain::OrderState::kPendingProvider);
  for (auto _ : state) {
    auto json = api::json::OrderJson(links, record, false, kActions);
    benchmark::DoNotOptimize(json);
  }
}
BENCHMARK(BM_OrderJson_Build);

// What a reply costs: the document built and serialized.
void BM_OrderJson_BuildAndDump(benchmark::State& state) {
  const api::json::Links links("http://127.0.0.1:8080");
  const auto record = SampleOrderRecord(domain::OrderState::kPendingProvider);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = api::json::OrderJson(links, record, false, kActions).dump();
    bytes += text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_OrderJson_BuildAndDump);

// The reads of handlers::CreateOrder (api/handlers/order_handlers.cpp), in its order: the body
// parsed (depth-limited) and each field taken through the typed readers.
void BM_OrderCreateBody_Decode(benchmark::State& state) {
  api::http::Request request;
  request.method = "POST";
  request.headers = {{"content-type", "application/json"}};
  request.body = SampleCreateOrderBody();
  for (auto _ : state) {
    const auto body = api::json::ObjectBody(request);
    auto type = api::json::OptionalString(body, "type");
    auto project = api::json::RequiredReference(body, "project");
    auto offering = api::json::RequiredReference(body, "offering");
    auto plan = api::json::ReferenceUuid("plan", *api::json::OptionalString(body, "plan"));
    auto attributes = api::json::OptionalObject(body, "attributes");
    auto limits = api::json::OptionalObject(body, "limits");
    auto start_date = api::json::OptionalString(body, "start_date");
    auto callback_url = api::json::OptionalString(body, "callback_url");
    auto comment = api::json::OptionalString(body, "request_comment");
    benchmark::DoNotOptimize(type);
    benchmark::DoNotOptimize(project);
    benchmark::DoNotOptimize(offering);
    benchmark::DoNotOptimize(plan);
    benchmark::DoNotOptimize(attributes);
    benchmark::DoNotOptimize(limits);
    benchmark::DoNotOptimize(start_date);
    benchmark::DoNotOptimize(callback_url);
    benchmark::DoNotOptimize(comment);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * request.body.size()));
}
BENCHMARK(BM_OrderCreateBody_Decode);

}  // namespace
}  // namespace orderly::bench
