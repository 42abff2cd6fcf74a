#include "load/http_connection.hpp"

namespace orderly::bench {
namespace {

namespace bhttp = beast::http;

// Order lists of 300 items are the largest replies the scenarios ask for; anything far beyond is
// a bug on one side or the other.
constexpr std::uint64_t kMaxReplyBody = 16 * 1024 * 1024;

}  // namespace

HttpConnection::HttpConnection(asio::any_io_executor executor, unsigned short port,
                               std::chrono::milliseconds timeout)
    : stream_(std::move(executor)), port_(port), timeout_(timeout) {}

void HttpConnection::Close() {
  beast::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.close();
  buffer_.clear();
  connected_ = false;
}

asio::awaitable<bool> HttpConnection::Connect() {
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(kLoopback), port_);
  beast::error_code error;
  stream_.expires_after(timeout_);
  co_await stream_.async_connect(endpoint, asio::redirect_error(asio::use_awaitable, error));
  if (error) {
    stream_.close();
    co_return false;
  }
  // Requests go out in one write, but a reply must never wait on Nagle + delayed ACK.
  stream_.socket().set_option(asio::ip::tcp::no_delay(true), error);
  connected_ = true;
  co_return true;
}

asio::awaitable<HttpReply> HttpConnection::Send(const std::string& raw_request) {
  if (!connected_ && !co_await Connect()) co_return HttpReply{};
  beast::error_code error;
  stream_.expires_after(timeout_);
  co_await asio::async_write(stream_, asio::buffer(raw_request),
                             asio::redirect_error(asio::use_awaitable, error));
  if (error) {
    Close();
    co_return HttpReply{};
  }
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(kMaxReplyBody);
  co_await bhttp::async_read(stream_, buffer_, parser,
                             asio::redirect_error(asio::use_awaitable, error));
  if (error) {
    Close();
    co_return HttpReply{};
  }
  auto& message = parser.get();
  HttpReply reply{static_cast<int>(message.result_int()), std::move(message.body())};
  if (!message.keep_alive()) Close();
  co_return reply;
}

std::string BuildRequest(std::string_view method, std::string_view target, unsigned short port,
                         std::string_view token, std::string_view body) {
  std::string request;
  request.reserve(256 + body.size());
  request.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
  request.append("Host: ")
      .append(kLoopback)
      .append(":")
      .append(std::to_string(port))
      .append("\r\n");
  request.append("Accept: application/json\r\n");
  if (!token.empty()) request.append("Authorization: Token ").append(token).append("\r\n");
  if (!body.empty() || method == "POST") {
    request.append("Content-Type: application/json\r\n");
    request.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  request.append("\r\n").append(body);
  return request;
}

std::string ExtractStringField(std::string_view json, std::string_view name) {
  const std::string key = "\"" + std::string(name) + "\":\"";
  const auto start = json.find(key);
  if (start == std::string_view::npos) return {};
  const auto value = start + key.size();
  const auto end = json.find('"', value);
  if (end == std::string_view::npos) return {};
  return std::string(json.substr(value, end - value));
}

}  // namespace orderly::bench
