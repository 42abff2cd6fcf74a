#pragma once

#include <memory>

#include "api/http/handler.hpp"
#include "api/http/server_options.hpp"

namespace orderly::api::http {

// HTTP/1.1 server on Boost.Beast. The handler runs on an io thread, one request at a time per
// connection; it may block briefly (a database call) but holds up that thread meanwhile.
// Oversized, malformed and timed-out requests are answered (413, 431, 400) or dropped here and
// never reach the handler; a handler that throws gives a logged 500.
class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the actual port. Throws std::runtime_error if it cannot.
  unsigned short Listen();
  // Serves on options.threads threads, this one included; returns once Stop() has completed.
  // Call once, after Listen().
  void Run();
  // Graceful and asynchronous, callable from any thread: stops accepting, closes idle
  // connections, lets in-flight requests finish and be written (for at most shutdown_grace),
  // then Run() returns. Not async-signal-safe: use StopOnSignals() for signals.
  void Stop();
  // Calls Stop() on SIGINT or SIGTERM.
  void StopOnSignals();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace orderly::api::http
