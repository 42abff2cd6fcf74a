#include "processing/backend_http/backend_client.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

namespace orderly::processing::backend_http {
namespace {

// A loopback server whose handlers each test sets.
class LoopbackServer {
 public:
  explicit LoopbackServer(std::function<void(httplib::Server&)> routes) {
    routes(server_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LoopbackServer() {
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path = "") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST(BackendClient, JoinsThePathPrefixAndSendsJson) {
  LoopbackServer server([](httplib::Server& s) {
    s.Post("/identity/v3/projects",
           [](const httplib::Request& request, httplib::Response& response) {
             response.status = 201;
             response.set_content(request.body, "application/json");
             response.set_header("X-Subject-Token", "abc");
           });
  });
  BackendClient client(server.Url("/identity/v3/"), std::chrono::seconds(5));
  const BackendRequest request{
      .method = "POST", .path = "/projects", .headers = {}, .body = nlohmann::json{{"a", 1}}};
  const auto response = client.Send(request);
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.Json().at("a"), 1);
  EXPECT_EQ(response.Header("x-subject-token"), "abc");
  EXPECT_NO_THROW(Expect(request, response, {200, 201}, "creating the project"));
}

TEST(BackendClient, ServerErrorsAreTransientAndQuoteTheAnswer) {
  LoopbackServer server([](httplib::Server& s) {
    s.Get("/thing", [](const httplib::Request&, httplib::Response& response) {
      response.status = 503;
      response.set_content("maintenance", "text/plain");
    });
  });
  BackendClient client(server.Url(), std::chrono::seconds(5));
  try {
    client.Send({.method = "GET", .path = "/thing", .headers = {}, .body = std::nullopt});
    FAIL() << "expected a BackendError";
  } catch (const BackendError& error) {
    EXPECT_TRUE(error.Transient());
    EXPECT_NE(error.Detail().find("503: maintenance"), std::string::npos) << error.Detail();
  }
}

TEST(BackendClient, UnexpectedClientErrorsAreFinal) {
  LoopbackServer server([](httplib::Server& s) {
    s.Delete("/thing", [](const httplib::Request&, httplib::Response& response) {
      response.status = 409;
      response.set_content(R"({"detail":"in use"})", "application/json");
    });
  });
  BackendClient client(server.Url(), std::chrono::seconds(5));
  const BackendRequest request{
      .method = "DELETE", .path = "/thing", .headers = {}, .body = std::nullopt};
  const auto response = client.Send(request);
  try {
    Expect(request, response, {204}, "deleting the thing");
    FAIL() << "expected a BackendError";
  } catch (const BackendError& error) {
    EXPECT_FALSE(error.Transient());
    EXPECT_STREQ(error.what(), "deleting the thing failed: backend answered 409");
    const auto failure = FailureFrom(error, "OpenStack.Tenant create");
    EXPECT_NE(failure.error_traceback.find("in use"), std::string::npos);
    EXPECT_FALSE(failure.transient);
  }
}

TEST(BackendClient, UnreachableBackendIsTransient) {
  int free_port = 0;
  {
    httplib::Server probe;
    free_port = probe.bind_to_any_port("127.0.0.1");
  }
  BackendClient client("http://127.0.0.1:" + std::to_string(free_port), std::chrono::seconds(2));
  try {
    client.Send({.method = "GET", .path = "/", .headers = {}, .body = std::nullopt});
    FAIL() << "expected a BackendError";
  } catch (const BackendError& error) {
    EXPECT_TRUE(error.Transient());
  }
}

TEST(BackendClient, SlowBackendTimesOut) {
  LoopbackServer server([](httplib::Server& s) {
    s.Get("/slow", [](const httplib::Request&, httplib::Response& response) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2500));
      response.set_content("{}", "application/json");
    });
  });
  BackendClient client(server.Url(), std::chrono::seconds(1));
  try {
    client.Send({.method = "GET", .path = "/slow", .headers = {}, .body = std::nullopt});
    FAIL() << "expected a BackendError";
  } catch (const BackendError& error) {
    EXPECT_TRUE(error.Transient());
  }
}

TEST(BackendClient, RefusesOtherSchemes) {
  EXPECT_THROW(BackendClient("https://example.org", std::chrono::seconds(1)), BackendError);
}

TEST(BackendClient, EncodeQueryValueKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(EncodeQueryValue("web-1_a.b~c"), "web-1_a.b~c");
  EXPECT_EQ(EncodeQueryValue("a b&c=d/e?"), "a%20b%26c%3Dd%2Fe%3F");
  EXPECT_EQ(EncodeQueryValue("\xc3\xa9"), "%C3%A9");
}

}  // namespace
}  // namespace orderly::processing::backend_http
