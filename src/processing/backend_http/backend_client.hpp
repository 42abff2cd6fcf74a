#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "service/orders/job_processing.hpp"

namespace httplib {
class Client;
}

namespace orderly::processing::backend_http {

// A backend call that did not give the answer the processor needs. `transient` failures
// (connection refused, time-out, 5xx) are worth another attempt; the rest are final.
class BackendError : public std::runtime_error {
 public:
  BackendError(std::string message, std::string detail, bool transient)
      : std::runtime_error(std::move(message)), detail_(std::move(detail)), transient_(transient) {}
  const std::string& Detail() const { return detail_; }
  bool Transient() const { return transient_; }

 private:
  std::string detail_;
  bool transient_;
};

struct BackendResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
  // The body as JSON; a BackendError (final) when it is not JSON.
  nlohmann::json Json() const;
  std::string Header(const std::string& lower_case_name) const;
};

struct BackendRequest {
  std::string method;  // GET, POST, PUT, PATCH, DELETE
  std::string path;    // appended to the base URL's path
  std::map<std::string, std::string> headers;
  std::optional<nlohmann::json> body;
};

// A synchronous HTTP/1.1 client for one backend, used from worker threads. The base URL may carry
// a path prefix (`http://host:port/identity/v3`); only plain http is built in.
class BackendClient {
 public:
  BackendClient(const std::string& base_url, std::chrono::seconds timeout);
  ~BackendClient();
  BackendClient(const BackendClient&) = delete;
  BackendClient& operator=(const BackendClient&) = delete;

  // Throws BackendError when the backend cannot be reached, times out or answers 5xx; any other
  // status is returned for the caller to judge (see Expect).
  BackendResponse Send(const BackendRequest& request);

  const std::string& BaseUrl() const { return base_url_; }

 private:
  std::string base_url_;
  std::string path_prefix_;
  std::unique_ptr<httplib::Client> client_;
};

// Throws a final BackendError naming the call and quoting the answer unless its status is one of
// `accepted`.
void Expect(const BackendRequest& request, const BackendResponse& response,
            std::initializer_list<int> accepted, const std::string& what);

// Percent-encodes a query parameter value (everything but RFC 3986 unreserved characters), for
// paths such as `/v3/clusters?name=` + EncodeQueryValue(name).
std::string EncodeQueryValue(const std::string& value);

// The order-level failure for a BackendError: message, traceback with what failed and the
// backend's answer, and whether it is worth another attempt.
service::ProcessingResult FailureFrom(const BackendError& error, const std::string& where);

}  // namespace orderly::processing::backend_http
