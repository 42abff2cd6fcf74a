#include "api_client.hpp"

#include <stdexcept>

namespace orderly::testing {
namespace {

httplib::Headers AuthHeaders(const std::string& token) {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Token " + token);
  return headers;
}

ApiResponse Convert(const httplib::Result& result) {
  if (!result) {
    throw std::runtime_error("HTTP request failed: " + httplib::to_string(result.error()));
  }
  ApiResponse response{
      .status = result->status, .body = nullptr, .text = result->body, .headers = result->headers};
  response.body = nlohmann::json::parse(result->body, nullptr, false);
  if (response.body.is_discarded()) response.body = nullptr;
  return response;
}

}  // namespace

std::string ApiResponse::Header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

ApiClient::ApiClient(int port) : client_("127.0.0.1", port) {
  client_.set_keep_alive(true);
  client_.set_tcp_nodelay(true);  // without it every POST waits out delayed ACKs
  client_.set_read_timeout(30, 0);
}

ApiResponse ApiClient::Get(const std::string& path, const std::string& token) {
  return Convert(client_.Get(path, AuthHeaders(token)));
}

ApiResponse ApiClient::Post(const std::string& path, const nlohmann::json& body,
                            const std::string& token) {
  return Convert(client_.Post(path, AuthHeaders(token), body.dump(), "application/json"));
}

ApiResponse ApiClient::Patch(const std::string& path, const nlohmann::json& body,
                             const std::string& token) {
  return Convert(client_.Patch(path, AuthHeaders(token), body.dump(), "application/json"));
}

ApiResponse ApiClient::Put(const std::string& path, const nlohmann::json& body,
                           const std::string& token) {
  return Convert(client_.Put(path, AuthHeaders(token), body.dump(), "application/json"));
}

ApiResponse ApiClient::Delete(const std::string& path, const std::string& token) {
  return Convert(client_.Delete(path, AuthHeaders(token)));
}

ApiResponse ApiClient::Raw(const std::string& method, const std::string& path,
                           const std::string& body, const std::string& content_type,
                           const std::string& token) {
  httplib::Request request;
  request.method = method;
  request.path = path;
  request.headers = AuthHeaders(token);
  request.body = body;
  if (!content_type.empty()) request.headers.emplace("Content-Type", content_type);
  return Convert(client_.send(request));
}

ApiResponse ApiClient::Send(const std::string& method, const std::string& path,
                            const std::string& body, const httplib::Headers& headers) {
  httplib::Request request;
  request.method = method;
  request.path = path;
  request.headers = headers;
  request.body = body;
  if (!body.empty()) request.headers.emplace("Content-Type", "application/json");
  return Convert(client_.send(request));
}

std::string ApiClient::Login(const std::string& username, const std::string& password) {
  const auto response =
      Post("/api-auth/password/", {{"username", username}, {"password", password}});
  if (response.status != 200) {
    throw std::runtime_error("login of " + username + " failed: " + response.text);
  }
  return response.body.at("token").get<std::string>();
}

}  // namespace orderly::testing
