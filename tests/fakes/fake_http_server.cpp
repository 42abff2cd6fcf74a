#include "fake_http_server.hpp"

#include <httplib.h>

#include <chrono>
#include <stdexcept>

namespace orderly::fakes {

FakeHttpServer::FakeHttpServer() : server_(std::make_unique<httplib::Server>()) {
  // Backends answer JSON for routes they do not know, too.
  server_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.body.empty()) {
      response.set_content(
          nlohmann::json{{"error", {{"code", response.status}, {"message", "Not Found"}}}}.dump(),
          "application/json");
    }
  });
  server_->set_keep_alive_max_count(1000);
  server_->set_tcp_nodelay(true);
}

FakeHttpServer::~FakeHttpServer() { Stop(); }

void FakeHttpServer::Start(const std::string& host, int port) {
  host_ = host;
  if (port == 0) {
    port_ = server_->bind_to_any_port(host);
  } else {
    port_ = server_->bind_to_port(host, port) ? port : -1;
  }
  if (port_ <= 0)
    throw std::runtime_error("fake backend cannot listen on " + host + ":" + std::to_string(port));
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void FakeHttpServer::Stop() {
  {
    std::lock_guard lock(fault_mutex_);
    stopping_ = true;
  }
  released_.notify_all();
  if (thread_.joinable()) {
    server_->stop();
    thread_.join();
  }
}

std::string FakeHttpServer::Url() const { return "http://" + host_ + ":" + std::to_string(port_); }

void FakeHttpServer::Fail(const std::string& method, const std::string& path_part, int status,
                          nlohmann::json body, int times) {
  std::lock_guard lock(fault_mutex_);
  faults_.push_back({method, path_part, status, std::move(body), times, false});
}

void FakeHttpServer::Hang(const std::string& method, const std::string& path_part, int times) {
  std::lock_guard lock(fault_mutex_);
  faults_.push_back({method, path_part, 0, nullptr, times, true});
}

void FakeHttpServer::ClearFaults() {
  {
    std::lock_guard lock(fault_mutex_);
    faults_.clear();
    ++release_generation_;
  }
  released_.notify_all();
}

std::vector<RecordedRequest> FakeHttpServer::Requests() const {
  std::lock_guard lock(fault_mutex_);
  return requests_;
}

int FakeHttpServer::CountRequests(const std::string& method, const std::string& path_part) const {
  std::lock_guard lock(fault_mutex_);
  int count = 0;
  for (const auto& request : requests_) {
    if ((method.empty() || request.method == method) &&
        request.path.find(path_part) != std::string::npos)
      ++count;
  }
  return count;
}

bool FakeHttpServer::ApplyFault(const httplib::Request& request, httplib::Response& response) {
  std::unique_lock lock(fault_mutex_);
  requests_.push_back(
      {request.method, request.path, request.body, request.get_header_value("Authorization")});
  for (auto& fault : faults_) {
    if (fault.remaining == 0) continue;
    if (!fault.method.empty() && fault.method != request.method) continue;
    if (request.path.find(fault.path_part) == std::string::npos) continue;
    if (fault.remaining > 0) --fault.remaining;
    if (fault.hang) {
      const auto generation = release_generation_;
      released_.wait(lock, [&] { return stopping_ || release_generation_ != generation; });
      Reply(response, 503, {{"error", {{"code", 503}, {"message", "released after hanging"}}}});
      return true;
    }
    Reply(response, fault.status, fault.body);
    return true;
  }
  return false;
}

void FakeHttpServer::Handle(const std::string& method, const std::string& pattern,
                            Handler handler) {
  auto wrapped = [this, handler = std::move(handler)](const httplib::Request& request,
                                                      httplib::Response& response) {
    if (ApplyFault(request, response)) return;
    handler(request, response);
  };
  if (method == "GET")
    server_->Get(pattern, wrapped);
  else if (method == "POST")
    server_->Post(pattern, wrapped);
  else if (method == "PUT")
    server_->Put(pattern, wrapped);
  else if (method == "PATCH")
    server_->Patch(pattern, wrapped);
  else if (method == "DELETE")
    server_->Delete(pattern, wrapped);
  else
    throw std::logic_error("fake route with unknown method " + method);
}

void FakeHttpServer::Reply(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  if (!body.is_null()) response.set_content(body.dump(), "application/json");
}

}  // namespace orderly::fakes
