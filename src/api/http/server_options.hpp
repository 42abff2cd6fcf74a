#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace orderly::api::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;            // 0 picks a free port; Listen() returns it
  std::size_t body_limit = 1 << 20;      // larger bodies get 413
  std::size_t header_limit = 16 * 1024;  // larger headers get 431
  // The whole request (headers and body) must arrive within this: guards against slow-loris.
  std::chrono::milliseconds read_timeout{30000};
  // A keep-alive connection may wait this long for its next request.
  std::chrono::milliseconds idle_timeout{60000};
  // Stop() waits this long for in-flight requests before closing their connections.
  std::chrono::milliseconds shutdown_grace{10000};
  int threads = 2;
  std::size_t max_connections = 10000;  // beyond: accepted and closed at once
};

}  // namespace orderly::api::http
