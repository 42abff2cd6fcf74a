#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace orderly::fakes {

// One request as the fake saw it, for tests that assert what was sent.
struct RecordedRequest {
  std::string method;
  std::string path;
  std::string body;
  std::string authorization;
};

// A loopback HTTP server standing in for a backend we cannot run here. Derived fakes register
// their routes through Handle(); every route first records the request and applies the faults a
// test asked for (an error answer, a number of 5xx answers, or a hang).
class FakeHttpServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  FakeHttpServer();
  virtual ~FakeHttpServer();
  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  // Listens on host:port (0 = any free port) on a thread of its own.
  void Start(const std::string& host = "127.0.0.1", int port = 0);
  // Releases hanging requests and stops listening.
  void Stop();
  int port() const { return port_; }
  std::string Url() const;

  // Requests whose method matches (empty = any) and whose path contains `path_part` are answered
  // with `status` and `body` instead, `times` times (-1: until ClearFaults).
  void Fail(const std::string& method, const std::string& path_part, int status,
            nlohmann::json body, int times = -1);
  // Matching requests get no answer until ClearFaults or Stop, `times` times (-1: all of them).
  void Hang(const std::string& method, const std::string& path_part, int times = -1);
  void ClearFaults();

  std::vector<RecordedRequest> Requests() const;
  int CountRequests(const std::string& method, const std::string& path_part) const;

 protected:
  void Handle(const std::string& method, const std::string& pattern, Handler handler);
  static void Reply(httplib::Response& response, int status, const nlohmann::json& body);
  // Guards the derived fake's state; route handlers take it.
  mutable std::mutex state_mutex_;

 private:
  struct Fault {
    std::string method;
    std::string path_part;
    int status = 0;
    nlohmann::json body;
    int remaining = -1;
    bool hang = false;
  };
  // True when a fault answered (or hung and was released); the route then does nothing.
  bool ApplyFault(const httplib::Request& request, httplib::Response& response);

  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::string host_;
  mutable std::mutex fault_mutex_;
  std::condition_variable released_;
  std::uint64_t release_generation_ = 0;
  bool stopping_ = false;
  std::vector<Fault> faults_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace orderly::fakes
