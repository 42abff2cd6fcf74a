#include "api/call.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "api/http/url.hpp"
#include "domain/error.hpp"
#include "service/auth.hpp"

namespace orderly::api {
namespace {

constexpr std::int64_t kDefaultPageSize = 10;
constexpr std::int64_t kMaxPageSize = 300;

std::int64_t PositiveNumber(std::string_view text, const char* field) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1) {
    throw InvalidField(field, "Must be a positive whole number.");
  }
  return value;
}

std::string BaseUrl(const http::Request& request) {
  std::string_view host = request.Header("host");
  if (host.empty()) host = "localhost";
  return "http://" + std::string(host);
}

std::string PageLink(const Call& call, const http::Request& request, std::int64_t page,
                     std::int64_t page_size) {
  std::string query;
  for (const auto& [name, value] : request.query) {
    if (name == "page" || name == "page_size") continue;
    query += (query.empty() ? "" : "&") + http::PercentEncode(name) + "=" + http::PercentEncode(value);
  }
  query += (query.empty() ? "" : "&") + std::string("page=") + std::to_string(page) +
           "&page_size=" + std::to_string(page_size);
  return "<" + call.links().base() + request.path + "?" + query + ">";
}

}  // namespace

Call::Call(http::Request& request, service::Context& services, observability::Metrics& metrics)
    : request_(request), services_(services), metrics_(metrics), links_(BaseUrl(request)) {}

const domain::Actor& Call::Actor() {
  if (actor_) return *actor_;
  const std::string_view header = request_.Header("authorization");
  constexpr std::string_view kScheme = "Token ";
  if (!header.starts_with(kScheme) || header.size() == kScheme.size()) {
    throw Error(ErrorCode::kUnauthenticated, "Authentication credentials were not provided.");
  }
  actor_ = service::Authenticate(services_, header.substr(kScheme.size()));
  request_.user = actor_->username;
  return *actor_;
}

store::ListOptions Call::ListOptions() const {
  store::ListOptions options;
  options.limit = kDefaultPageSize;
  if (request_.HasQuery("page_size")) {
    options.limit = std::min(PositiveNumber(request_.Query("page_size"), "page_size"), kMaxPageSize);
  }
  std::int64_t page = 1;
  if (request_.HasQuery("page")) page = PositiveNumber(request_.Query("page"), "page");
  // The offset must fit in 64 bits; beyond that no page can exist, and the product would overflow.
  if (page - 1 > std::numeric_limits<std::int64_t>::max() / options.limit) {
    throw InvalidField("page", "Page number is too large.");
  }
  options.offset = (page - 1) * options.limit;
  std::string_view order = request_.Query("o");
  if (order.starts_with('-')) {
    options.descending = true;
    order.remove_prefix(1);
  }
  options.order_field = std::string(order);
  return options;
}

http::Response JsonResponse(int status, const nlohmann::json& body) {
  http::Response response;
  response.status = status;
  // Query text can reach a body (an echoed filter value); bytes that are not UTF-8 become U+FFFD
  // rather than failing the response.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

http::Response ListResponse(const Call& call, const store::ListOptions& options, std::int64_t total,
                            nlohmann::json items) {
  http::Response response = JsonResponse(200, items);
  const std::int64_t page_size = options.limit;
  const std::int64_t page = options.offset / page_size + 1;
  const std::int64_t last = std::max<std::int64_t>(1, (total + page_size - 1) / page_size);
  const http::Request& request = const_cast<Call&>(call).request();
  std::string link = PageLink(call, request, 1, page_size) + "; rel=\"first\"";
  if (page > 1) link += ", " + PageLink(call, request, std::min(page - 1, last), page_size) + "; rel=\"prev\"";
  if (page < last) link += ", " + PageLink(call, request, page + 1, page_size) + "; rel=\"next\"";
  link += ", " + PageLink(call, request, last, page_size) + "; rel=\"last\"";
  response.headers.emplace_back("Link", std::move(link));
  response.headers.emplace_back("X-Result-Count", std::to_string(total));
  return response;
}

http::Response InMemoryListResponse(const Call& call, nlohmann::json items,
                                    std::initializer_list<std::string_view> sortable,
                                    std::string_view default_order) {
  const store::ListOptions options = call.ListOptions();
  std::string field(options.order_field.empty() ? default_order : options.order_field);
  if (std::find(sortable.begin(), sortable.end(), field) == sortable.end()) {
    std::string allowed;
    for (std::string_view name : sortable) {
      allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    }
    throw InvalidField("o", "Cannot order by '" + field + "'. Choose from: " + allowed + ".");
  }
  auto key = [&field](const nlohmann::json& item) { return item.value(field, std::string()); };
  std::stable_sort(items.begin(), items.end(),
                   [&](const nlohmann::json& a, const nlohmann::json& b) {
                     return options.descending ? key(b) < key(a) : key(a) < key(b);
                   });
  const auto total = static_cast<std::int64_t>(items.size());
  auto page = nlohmann::json::array();
  for (std::int64_t i = options.offset; i < total && i < options.offset + options.limit; ++i) {
    page.push_back(std::move(items[static_cast<std::size_t>(i)]));
  }
  return ListResponse(call, options, total, std::move(page));
}

}  // namespace orderly::api
