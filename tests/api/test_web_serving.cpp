// `orderly serve --web-root DIR` serves the web UI beside the API: files, SPA fallback, caching
// headers, and the API's own answers left alone.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "api_client.hpp"
#include "server_process.hpp"

namespace orderly::testing {
namespace {

namespace fs = std::filesystem;

class WebServingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("orderly-web-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    fs::create_directories(base_ / "site/assets");
    std::ofstream(base_ / "site/index.html") << "<!doctype html><div id=root></div>";
    std::ofstream(base_ / "site/assets/index-5f3a.js") << "export const x = 1;";
    std::ofstream(base_ / "secret.txt") << "top secret";
    server_ = std::make_unique<ServerProcess>(
        std::string{}, std::vector<std::string>{"--web-root", (base_ / "site").string()});
    server_->Start();
    client_ = std::make_unique<ApiClient>(server_->port());
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(base_);
  }

  fs::path base_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<ApiClient> client_;
};

TEST_F(WebServingTest, RootServesIndexHtmlThatIsRevalidated) {
  const auto response = client_->Get("/");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(response.Header("Cache-Control"), "no-cache");
  EXPECT_NE(response.text.find("<div id=root>"), std::string::npos);
}

TEST_F(WebServingTest, HashedAssetsAreCachedForGood) {
  const auto response = client_->Get("/assets/index-5f3a.js");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(response.text, "export const x = 1;");
}

TEST_F(WebServingTest, PagePathsFallBackToTheApp) {
  for (const std::string path :
       {"/providers/orders?state=erred", "/marketplace-order-details/abc/", "/login"}) {
    const auto response = client_->Get(path);
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_NE(response.text.find("<div id=root>"), std::string::npos) << path;
  }
}

TEST_F(WebServingTest, ApiPathsKeepTheirJson404) {
  const auto response = client_->Get("/api/no-such-thing/");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body["detail"], "Not found.");
  EXPECT_EQ(client_->Get("/api-auth/nothing/").status, 404);
}

TEST_F(WebServingTest, WritesToPagePathsAreNotServedTheApp) {
  const auto response = client_->Post("/login", nlohmann::json::object());
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.text.find("<div id=root>"), std::string::npos);
}

TEST_F(WebServingTest, TraversalIsRefused) {
  for (const std::string path : {"/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
                                 "/..%2fsecret.txt", "/%2e%2e%5csecret.txt"}) {
    const auto response = client_->Get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.text.find("top secret"), std::string::npos) << path;
  }
}

TEST_F(WebServingTest, MissingAssetIsA404NotTheApp) {
  const auto response = client_->Get("/assets/index-old.js");
  EXPECT_EQ(response.status, 404);
}

TEST(WebRootOption, AMissingDirectoryIsRejectedAtStart) {
  std::string output;
  EXPECT_EQ(RunOrderly({"serve", "--db", "sqlite::memory:", "--listen", "127.0.0.1:0", "--web-root",
                        "/nonexistent/web-dist"},
                       &output),
            2);
  EXPECT_NE(output.find("--web-root"), std::string::npos) << output;
}

}  // namespace
}  // namespace orderly::testing
