#pragma once

// A blocking test client on a plain socket: it can send what no well-behaved client would (half a
// header, garbage, a stall) and every read gives up after a timeout instead of hanging the test.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

#include "api/http/beast.hpp"

namespace orderly::api::http::test {

using ClientResponse = boost::beast::http::response<boost::beast::http::string_body>;

class RawClient {
 public:
  explicit RawClient(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      ::close(fd_);
      throw std::runtime_error("connect() failed");
    }
    SetReceiveTimeout(std::chrono::seconds(5));
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  // False when the server has closed or reset the connection.
  bool Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // Throws when no complete response arrives. `head` for the response to a HEAD request.
  ClientResponse Read(bool head = false) {
    namespace bhttp = boost::beast::http;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.eager(true);
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(head);
    boost::beast::error_code error;
    for (;;) {
      if (buffer_.size() > 0) {
        buffer_.consume(parser.put(buffer_.data(), error));
        if (parser.is_done()) return parser.release();
        if (error && error != bhttp::error::need_more) {
          throw std::runtime_error("bad response: " + error.message());
        }
        // Bytes left after need_more are an incomplete piece the parser wants more of.
        if (!error && buffer_.size() > 0) continue;
      }
      if (Receive() <= 0) throw std::runtime_error("connection closed before a full response");
    }
  }

  // True once the server closes the connection (reset or EOF), reading and dropping whatever it
  // sends first; false if it is still open after `bound`.
  bool WaitClosed(std::chrono::milliseconds bound) {
    auto deadline = std::chrono::steady_clock::now() + bound;
    SetReceiveTimeout(std::chrono::milliseconds(100));
    while (std::chrono::steady_clock::now() < deadline) {
      buffer_.clear();
      ssize_t received = Receive();
      if (received == 0) return true;
      if (received < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return true;
    }
    return false;
  }

 private:
  ssize_t Receive() {
    auto space = buffer_.prepare(64 * 1024);
    ssize_t received = ::recv(fd_, space.data(), space.size(), 0);
    if (received > 0) buffer_.commit(static_cast<std::size_t>(received));
    return received;
  }

  void SetReceiveTimeout(std::chrono::milliseconds timeout) {
    timeval value{};
    value.tv_sec = timeout.count() / 1000;
    value.tv_usec = (timeout.count() % 1000) * 1000;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &value, sizeof(value));
  }

  int fd_ = -1;
  boost::beast::flat_buffer buffer_;
};

}  // namespace orderly::api::http::test
