#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "load/asio.hpp"

namespace orderly::bench {

// The load generator only ever talks to the server under test on the loopback interface.
inline constexpr const char* kLoopback = "127.0.0.1";

struct HttpReply {
  int status = 0;  // 0: no reply (connect failed, reset, timeout)
  std::string body;
};

// One keep-alive HTTP/1.1 connection to 127.0.0.1:port, owned by one coroutine (not thread-safe).
// It connects lazily and again after the server closed it; a failed request is reported as
// status 0 and never retried, because a retried POST could act twice and skew the counts.
class HttpConnection {
 public:
  HttpConnection(asio::any_io_executor executor, unsigned short port,
                 std::chrono::milliseconds timeout);

  // Sends a request made by BuildRequest and reads the whole reply.
  asio::awaitable<HttpReply> Send(const std::string& raw_request);
  void Close();

 private:
  asio::awaitable<bool> Connect();

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  unsigned short port_;
  std::chrono::milliseconds timeout_;
  bool connected_ = false;
};

// A whole HTTP/1.1 request, serialized once so that the hot loop only writes bytes.
// `token` empty: no Authorization header; `body` non-empty: sent as JSON.
std::string BuildRequest(std::string_view method, std::string_view target, unsigned short port,
                         std::string_view token, std::string_view body = {});

// The value of the top-level string field `"name":"..."` of a JSON reply, found without parsing
// the whole document: the client shares two cores with the server, so its CPU counts. Only for
// replies whose shape the bench controls (orders, whose object keys come sorted, and tokens).
std::string ExtractStringField(std::string_view json, std::string_view name);

}  // namespace orderly::bench
