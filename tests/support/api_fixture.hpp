#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api_client.hpp"
#include "server_process.hpp"

namespace orderly::testing {

struct TestUser {
  std::string uuid;
  std::string username;
  std::string token;
};

// The body of a Draft offering of `type` with one "limit" component "cpu" (1..100) and plan
// "Small", without secret_options.
nlohmann::json OfferingBody(const std::string& customer_uuid, const std::string& type);

// Each test gets its own server on a free port with its own database, a staff login, and helpers
// that build the organization model through the public API.
class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  ApiClient& api() { return *api_; }
  ServerProcess& server() { return *server_; }
  const std::string& staff_token() const { return staff_token_; }
  // A fresh client for the server's current port, after a restart.
  void Reconnect() { api_ = std::make_unique<ApiClient>(server_->port()); }
  // Restarts the server with its standard error written to a file (the fixture's own server logs
  // to the test's), reconnects, and returns the file's path.
  std::filesystem::path RestartCapturingLog();

  // Creates a user through the API (as staff) and logs them in.
  TestUser MakeUser(const std::string& username, nlohmann::json extra = nlohmann::json::object());
  nlohmann::json MakeCustomer(const std::string& name);
  nlohmann::json MakeProject(const std::string& customer_uuid, const std::string& name);
  nlohmann::json MakeProvider(const std::string& customer_uuid);
  // OfferingBody's offering, created as staff; automated types get secret_options that let them
  // take orders.
  nlohmann::json MakeOffering(const std::string& customer_uuid,
                              const std::string& type = "Marketplace.Basic");
  // POST /api/<collection>/<uuid>/add_user/ as staff.
  void Grant(const std::string& collection, const std::string& scope_uuid,
             const std::string& user_uuid, const std::string& role);

  static constexpr const char* kPassword = "test-password";

 protected:
  // Extra `orderly serve` options for a derived fixture (none by default).
  virtual std::vector<std::string> ExtraServerArgs() const { return {}; }

 private:
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<ApiClient> api_;
  std::string staff_token_;
};

}  // namespace orderly::testing
