// A request target (path and query string): decoding, the paging and ordering parameters (page,
// page_size, o), the in-memory list pages with their Link headers, state and type filters given
// by name or code, ORDER BY built from a whitelist, and ?field= applied to a JSON answer. Checks
// that decoding what was encoded gives the text back.
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/call.hpp"
#include "api/http/url.hpp"
#include "api/json/lifecycle_json.hpp"
#include "api/json/sparse_fields.hpp"
#include "domain/error.hpp"
#include "domain/order.hpp"
#include "service/system_clock.hpp"
#include "store/sql/order_by.hpp"

namespace api = orderly::api;
namespace http = orderly::api::http;

namespace {

// Call needs the services only to authenticate, which these paths never do.
struct Unused {
  orderly::store::Store store{nullptr};
  orderly::service::SystemClock clock;
  orderly::service::Context context{.store = store, .clock = clock};
  api::observability::Metrics metrics;
};

void CheckRoundTrip(std::string_view text) {
  if (http::PercentDecode(http::PercentEncode(text)) != text ||
      http::QueryDecode(http::PercentEncode(text)) != text) {
    std::abort();
  }
}

void ReadFilters(const http::Request& request) {
  for (const auto& value : request.QueryAll("state")) {
    api::json::ParseEnum(orderly::domain::OrderStates(), value);
    api::json::ParseEnum(orderly::domain::ResourceStates(), value);
  }
  for (const auto& value : request.QueryAll("type")) {
    api::json::ParseEnum(orderly::domain::OrderTypes(), value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  static Unused unused;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckRoundTrip(input);

  http::Request request;
  request.method = "GET";
  request.target = std::string(input);
  http::Target target = http::ParseTarget(input);
  request.path = std::move(target.path);
  request.query = std::move(target.query);
  request.headers.emplace_back("host", "orderly.example");
  ReadFilters(request);

  api::Call call(request, unused.context, unused.metrics);
  try {
    const auto options = call.ListOptions();
    orderly::store::sql::OrderAndPage(options, {{"created", "created"}, {"name", "name"}},
                                      "created", 1);
  } catch (const orderly::Error&) {
  }
  auto items = nlohmann::json::array();
  for (int i = 0; i < 25; ++i) {
    items.push_back({{"name", "role-" + std::to_string(25 - i)}, {"uuid", std::to_string(i)}});
  }
  try {
    http::Response response = api::InMemoryListResponse(call, items, {"name", "uuid"}, "name");
    if (request.HasQuery("field"))
      api::json::ApplySparseFields(response, request.QueryAll("field"));
  } catch (const orderly::Error&) {
  }
  return 0;
}
