#include "api/http/session.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <exception>
#include <optional>

namespace orderly::api::http {
namespace {

namespace bhttp = beast::http;
using asio::ip::tcp;

constexpr std::size_t kFirstReadSize = 4096;
// Buffers that grew for a large request are given back before the connection idles.
constexpr std::size_t kIdleBufferCapacity = 64 * 1024;
// After an error response we read and drop what the client still sends, so that closing does not
// reset the connection before the client has read the response.
constexpr std::chrono::milliseconds kMaxLinger{2000};
constexpr std::size_t kMaxLingerBytes = 8 * 1024 * 1024;

const beast::error_category& HttpCategory() {
  return bhttp::make_error_code(bhttp::error::end_of_stream).category();
}

bool ExpectsContinue(const BeastRequest& message) {
  return message.version() >= 11 && beast::iequals(message[bhttp::field::expect], "100-continue");
}

}  // namespace

Session::Session(tcp::socket socket, SessionContext context)
    : stream_(std::move(socket)), context_(context) {}

void Session::CloseIfIdle() {
  if (idle_) stream_.cancel();
}

void Session::Close() { stream_.close(); }

asio::awaitable<void> Session::Run() {
  try {
    co_await Serve();
  } catch (const std::exception& e) {
    spdlog::error("http: connection dropped after an unexpected error: {}", e.what());
  }
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream_.close();
}

asio::awaitable<void> Session::Serve() {
  const ServerOptions& options = context_.options;
  bool first = true;
  for (;;) {
    // Checked in the same step that marks the session idle, so Stop() cannot miss it.
    if (context_.stopping) co_return;
    if (buffer_.size() == 0) {
      // A new connection gets read_timeout for its whole first request, counted from accept.
      if (!co_await WaitForRequest(first ? options.read_timeout : options.idle_timeout)) co_return;
    }
    if (!first) stream_.expires_after(options.read_timeout);
    first = false;

    RequestParser parser;
    ApplyLimits(parser, options);
    beast::error_code error;
    co_await bhttp::async_read_header(stream_, buffer_, parser,
                                      asio::redirect_error(asio::use_awaitable, error));
    if (!error && !parser.is_done() && ExpectsContinue(parser.get())) {
      bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, 11};
      co_await bhttp::async_write(stream_, go_on, asio::redirect_error(asio::use_awaitable, error));
    }
    if (!error && !parser.is_done()) {
      co_await bhttp::async_read(stream_, buffer_, parser,
                                 asio::redirect_error(asio::use_awaitable, error));
    }
    if (error) {
      co_await Reject(error);
      co_return;
    }
    if (!co_await Respond(parser.release())) co_return;
  }
}

asio::awaitable<bool> Session::WaitForRequest(std::chrono::milliseconds timeout) {
  if (buffer_.capacity() > kIdleBufferCapacity) buffer_.shrink_to_fit();
  stream_.expires_after(timeout);
  beast::error_code error;
  idle_ = true;
  std::size_t received = co_await stream_.async_read_some(
      buffer_.prepare(kFirstReadSize), asio::redirect_error(asio::use_awaitable, error));
  idle_ = false;
  buffer_.commit(received);
  co_return !error || received > 0;
}

asio::awaitable<bool> Session::Respond(BeastRequest message) {
  const bool head = message.method() == bhttp::verb::head;
  const unsigned version = message.version();
  const bool wants_keep_alive = message.keep_alive();
  Request request = FromBeast(std::move(message));
  Response response = CallHandler(request);

  // Read after the handler: a Stop() during it must still close this connection.
  const bool keep_alive = wants_keep_alive && !context_.stopping;
  BeastResponse reply = ToBeast(std::move(response), version, keep_alive, head);
  // A client that stops reading must not hold the connection forever.
  stream_.expires_after(context_.options.idle_timeout);
  beast::error_code error;
  co_await bhttp::async_write(stream_, reply, asio::redirect_error(asio::use_awaitable, error));
  co_return !error && keep_alive;
}

Response Session::CallHandler(Request& request) {
  try {
    Response response = context_.handler(request);
    if (IsValidStatus(response.status)) return response;
    spdlog::error("http: handler for {} {} returned invalid status {}", request.method,
                  request.target, response.status);
  } catch (const std::exception& e) {
    spdlog::error("http: handler for {} {} threw: {}", request.method, request.target, e.what());
  } catch (...) {
    spdlog::error("http: handler for {} {} threw a non-exception", request.method, request.target);
  }
  return JsonError(500, "Internal server error.");
}

asio::awaitable<void> Session::Reject(const beast::error_code& error) {
  std::optional<Response> response;
  if (error == bhttp::error::body_limit) {
    response = JsonError(
        413, "Request body exceeds the " + DescribeSize(context_.options.body_limit) + " limit.");
  } else if (error == bhttp::error::header_limit) {
    response = JsonError(431, "Request headers exceed the " +
                                  DescribeSize(context_.options.header_limit) + " limit.");
  } else if (error.category() == HttpCategory() && error != bhttp::error::end_of_stream &&
             error != bhttp::error::partial_message) {
    response = JsonError(400, "Malformed HTTP request.");
  }
  // Timeouts, resets and a peer leaving mid-request: there is nobody to answer.
  if (!response) co_return;
  spdlog::debug("http: rejected a request: {}", error.message());

  BeastResponse reply = ToBeast(std::move(*response), 11, false, false);
  stream_.expires_after(context_.options.read_timeout);
  beast::error_code write_error;
  co_await bhttp::async_write(stream_, reply,
                              asio::redirect_error(asio::use_awaitable, write_error));
  if (!write_error) co_await Linger();
}

asio::awaitable<void> Session::Linger() {
  beast::error_code error;
  stream_.socket().shutdown(tcp::socket::shutdown_send, error);
  stream_.expires_after(std::min(context_.options.read_timeout, kMaxLinger));
  std::array<char, 16 * 1024> sink;
  std::size_t drained = 0;
  while (!error && drained < kMaxLingerBytes) {
    drained += co_await stream_.async_read_some(asio::buffer(sink),
                                                asio::redirect_error(asio::use_awaitable, error));
  }
}

}  // namespace orderly::api::http
