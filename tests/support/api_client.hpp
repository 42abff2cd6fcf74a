#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace orderly::testing {

struct ApiResponse {
  int status = 0;
  nlohmann::json body;  // null when the body is not JSON
  std::string text;
  httplib::Headers headers;

  std::string Header(const std::string& name) const;
};

// A keep-alive HTTP client for one server; every call may carry a token.
class ApiClient {
 public:
  explicit ApiClient(int port);

  ApiResponse Get(const std::string& path, const std::string& token = {});
  ApiResponse Post(const std::string& path, const nlohmann::json& body,
                   const std::string& token = {});
  ApiResponse Patch(const std::string& path, const nlohmann::json& body,
                    const std::string& token = {});
  ApiResponse Put(const std::string& path, const nlohmann::json& body,
                  const std::string& token = {});
  ApiResponse Delete(const std::string& path, const std::string& token = {});
  // A body sent as is, with the given content type.
  ApiResponse Raw(const std::string& method, const std::string& path, const std::string& body,
                  const std::string& content_type, const std::string& token = {});

  // Any request with exactly these headers (for callers whose Authorization header is not a token).
  ApiResponse Send(const std::string& method, const std::string& path, const std::string& body,
                   const httplib::Headers& headers);

  // POST /api-auth/password/ and return the token (fails the test if login fails).
  std::string Login(const std::string& username, const std::string& password);

 private:
  httplib::Client client_;
};

}  // namespace orderly::testing
