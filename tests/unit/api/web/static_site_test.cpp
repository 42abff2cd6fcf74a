#include "api/web/static_site.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace orderly::api::web {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

std::string HeaderOf(const http::Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return {};
}

// A built site in a fresh directory, with a secret beside it that must never be served.
class StaticSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("orderly-static-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    Write(base_ / "site/index.html", "<html>app</html>");
    Write(base_ / "site/assets/index-abc123.js", "console.log(1)");
    Write(base_ / "site/assets/index-abc123.css", "body{}");
    Write(base_ / "site/favicon.svg", "<svg/>");
    Write(base_ / "site/.env", "hidden");
    Write(base_ / "secret.txt", "secret");
    fs::create_symlink(base_ / "secret.txt", base_ / "site/leak.txt");
    site_.emplace(base_ / "site");
  }
  void TearDown() override { fs::remove_all(base_); }

  fs::path base_;
  std::optional<StaticSite> site_;
};

TEST_F(StaticSiteTest, ServesIndexAtRootWithoutCaching) {
  const auto response = site_->Serve("/");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<html>app</html>");
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(response, "Cache-Control"), "no-cache");
}

TEST_F(StaticSiteTest, HashedAssetsAreImmutableWithTheirContentType) {
  const auto script = site_->Serve("/assets/index-abc123.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.body, "console.log(1)");
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(script, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(site_->Serve("/assets/index-abc123.css").content_type, "text/css; charset=utf-8");
}

TEST_F(StaticSiteTest, FilesOutsideAssetsMustBeRevalidated) {
  const auto icon = site_->Serve("/favicon.svg");
  EXPECT_EQ(icon.content_type, "image/svg+xml");
  EXPECT_EQ(HeaderOf(icon, "Cache-Control"), "no-cache");
}

TEST_F(StaticSiteTest, UnknownPagePathsFallBackToIndex) {
  for (const std::string path :
       {"/orders", "/providers/abc/orders/", "/marketplace-order-details/x/"}) {
    const auto response = site_->Serve(path);
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_EQ(response.body, "<html>app</html>") << path;
    EXPECT_EQ(HeaderOf(response, "Cache-Control"), "no-cache") << path;
  }
}

TEST_F(StaticSiteTest, MissingFilesWithAnExtensionAre404) {
  EXPECT_EQ(site_->Serve("/assets/index-old.js").status, 404);
  EXPECT_EQ(site_->Serve("/robots.txt").status, 404);
  EXPECT_EQ(site_->Serve("/assets/").status, 404);
}

TEST_F(StaticSiteTest, TraversalIsRefused) {
  const std::vector<std::string> paths = {
      "/../secret.txt",      "/assets/../../secret.txt", "/..",
      "/a/../../secret.txt", "/..\\secret.txt",          std::string("/index.html\0.js", 15)};
  for (const auto& path : paths) {
    const auto response = site_->Serve(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.body.find("secret"), std::string::npos) << path;
  }
}

TEST_F(StaticSiteTest, SymlinksLeadingOutsideAndHiddenFilesAreRefused) {
  EXPECT_EQ(site_->Serve("/leak.txt").status, 404);
  EXPECT_EQ(site_->Serve("/.env").status, 404);
}

TEST(StaticSiteNames, ApiPathsAreNeverTheSites) {
  EXPECT_TRUE(IsApiPath("/api/marketplace-orders/"));
  EXPECT_TRUE(IsApiPath("/api"));
  EXPECT_TRUE(IsApiPath("/api-auth/password/"));
  EXPECT_TRUE(IsApiPath("/health/"));
  EXPECT_FALSE(IsApiPath("/apis"));
  EXPECT_FALSE(IsApiPath("/orders"));
  EXPECT_FALSE(IsApiPath("/"));
}

TEST(StaticSiteNames, ContentTypesByExtension) {
  EXPECT_EQ(ContentTypeFor("a.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("a.unknown"), "application/octet-stream");
}

}  // namespace
}  // namespace orderly::api::web
