#pragma once

#include <atomic>

#include "api/http/beast.hpp"
#include "api/http/beast_message.hpp"
#include "api/http/handler.hpp"
#include "api/http/server_options.hpp"

namespace orderly::api::http {

// What a connection borrows from its server, which outlives it.
struct SessionContext {
  const ServerOptions& options;
  const Handler& handler;
  const std::atomic<bool>& stopping;
};

// One connection: reads requests one after another (keep-alive, pipelining), calls the handler,
// writes the responses. Transport errors are answered here and never reach the handler.
class Session {
 public:
  // The socket's executor must be a strand: the coroutine and CloseIfIdle/Close share it.
  Session(asio::ip::tcp::socket socket, SessionContext context);

  // Serves until the peer leaves, an error, a timeout or shutdown; never throws.
  asio::awaitable<void> Run();

  // Both must be called on Executor(). Shutdown closes idle connections at once and the rest only
  // once their response is written, or when the grace period is over.
  void CloseIfIdle();
  void Close();

  asio::any_io_executor Executor() { return stream_.get_executor(); }

 private:
  asio::awaitable<void> Serve();
  asio::awaitable<bool> WaitForRequest(std::chrono::milliseconds timeout);
  asio::awaitable<bool> Respond(BeastRequest message);
  asio::awaitable<void> Reject(const beast::error_code& error);
  asio::awaitable<void> Linger();
  Response CallHandler(Request& request);

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  SessionContext context_;
  bool idle_ = false;
};

}  // namespace orderly::api::http
