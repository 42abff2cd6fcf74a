#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

nlohmann::json Expect(const ApiResponse& response, int status, const std::string& what) {
  EXPECT_EQ(response.status, status) << what << ": " << response.text;
  return response.body;
}

}  // namespace

void ApiTest::SetUp() {
  server_ = std::make_unique<ServerProcess>(std::string(), ExtraServerArgs());
  std::string output;
  ASSERT_EQ(RunOrderly({"createstaffuser", "--db", server_->db_url(), "--username", "admin",
                        "--password", kPassword},
                       &output),
            0)
      << output;
  server_->Start();
  api_ = std::make_unique<ApiClient>(server_->port());
  staff_token_ = api_->Login("admin", kPassword);
}

void ApiTest::TearDown() {
  api_.reset();
  server_.reset();
}

TestUser ApiTest::MakeUser(const std::string& username, nlohmann::json extra) {
  nlohmann::json body = {{"username", username}, {"password", kPassword}};
  body.update(extra);
  const auto created = Expect(api_->Post("/api/users/", body, staff_token_), 201, "create user");
  return TestUser{created.at("uuid").get<std::string>(), username,
                  api_->Login(username, kPassword)};
}

nlohmann::json ApiTest::MakeCustomer(const std::string& name) {
  return Expect(api_->Post("/api/customers/", {{"name", name}}, staff_token_), 201,
                "create customer");
}

nlohmann::json ApiTest::MakeProject(const std::string& customer_uuid, const std::string& name) {
  return Expect(
      api_->Post("/api/projects/", {{"customer", customer_uuid}, {"name", name}}, staff_token_),
      201, "create project");
}

nlohmann::json ApiTest::MakeProvider(const std::string& customer_uuid) {
  return Expect(api_->Post("/api/marketplace-service-providers/", {{"customer", customer_uuid}},
                           staff_token_),
                201, "create provider");
}

nlohmann::json OfferingBody(const std::string& customer_uuid, const std::string& type) {
  return {
      {"name", type + " offering"},
      {"customer", customer_uuid},
      {"type", type},
      {"components",
       {{{"type", "cpu"},
         {"name", "CPU"},
         {"billing_type", "limit"},
         {"min_value", 1},
         {"max_value", 100}}}},
      {"plans", {{{"name", "Small"}, {"unit_price", "10.5"}}}},
  };
}

std::filesystem::path ApiTest::RestartCapturingLog() {
  auto log_path = server_->directory() / "server.log";
  server_->Terminate();
  server_->CaptureLogTo(log_path);
  server_->Start();
  Reconnect();
  return log_path;
}

nlohmann::json ApiTest::MakeOffering(const std::string& customer_uuid, const std::string& type) {
  nlohmann::json body = OfferingBody(customer_uuid, type);
  // A script offering refuses orders without scripts (processing.md §9.3): give it trivial ones.
  if (type == "Marketplace.Script") {
    body["secret_options"] = {
        {"language", "shell"}, {"create", "true"}, {"update", "true"}, {"terminate", "true"}};
  }
  // OpenStack and Rancher offerings refuse orders without an address and credentials: give them a
  // loopback port nothing listens on (tests with workers use the fakes in tests/fakes instead).
  if (type == "OpenStack.Tenant") {
    body["secret_options"] = {
        {"backend_url", "http://127.0.0.1:9/v3"}, {"username", "admin"}, {"password", "secret"}};
  }
  if (type == "Marketplace.Rancher") {
    body["secret_options"] = {{"backend_url", "http://127.0.0.1:9/v3"}, {"token", "token-x:y"}};
  }
  return Expect(api_->Post("/api/marketplace-provider-offerings/", body, staff_token_), 201,
                "create offering");
}

void ApiTest::Grant(const std::string& collection, const std::string& scope_uuid,
                    const std::string& user_uuid, const std::string& role) {
  Expect(api_->Post("/api/" + collection + "/" + scope_uuid + "/add_user/",
                    {{"user", user_uuid}, {"role", role}}, staff_token_),
         201, "grant " + role);
}

}  // namespace orderly::testing
