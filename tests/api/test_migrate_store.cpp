// `orderly migrate-store --from sqlite:PATH --to postgresql://...` (issue 6): every table copied,
// ids and secrets included, the target usable at once; a target holding data is refused.
// PostgreSQL only: skipped when the run has no test PostgreSQL server.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "api_client.hpp"
#include "server_process.hpp"
#include "test_database.hpp"

namespace orderly::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "test-password";

class MigrateStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestPostgresUrl().empty())
      GTEST_SKIP() << "migrate-store needs a PostgreSQL target (ORDERLY_TEST_DB)";
    std::string pattern =
        (std::filesystem::temp_directory_path() / "orderly-migrate-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    source_ = "sqlite:" + (directory_ / "source.db").string();
    target_ = std::make_unique<ScratchDatabase>(TestPostgresUrl());
  }
  void TearDown() override {
    std::error_code ignored;
    if (!directory_.empty()) std::filesystem::remove_all(directory_, ignored);
  }

  std::filesystem::path directory_;
  std::string source_;
  std::unique_ptr<ScratchDatabase> target_;
};

TEST_F(MigrateStoreTest, CopiesEveryTableAndTheTargetServesTheSameData) {
  std::string output;
  ASSERT_EQ(RunOrderly({"createstaffuser", "--db", source_, "--username", "admin", "--password",
                        kPassword},
                       &output),
            0)
      << output;
  std::string token, customer, project, offering, order;
  {
    ServerProcess server(source_);
    server.Start();
    ApiClient api(server.port());
    token = api.Login("admin", kPassword);
    customer = api.Post("/api/customers/", {{"name", "Org"}}, token).body["uuid"];
    ASSERT_EQ(
        api.Post("/api/marketplace-service-providers/", {{"customer", customer}}, token).status,
        201);
    project =
        api.Post("/api/projects/", {{"customer", customer}, {"name", "Lab"}}, token).body["uuid"];
    const auto created =
        api.Post("/api/marketplace-provider-offerings/",
                 {{"name", "Basic"},
                  {"customer", customer},
                  {"type", "Marketplace.Basic"},
                  {"components", {{{"type", "cpu"}, {"billing_type", "limit"}, {"max_value", 8}}}},
                  {"plans", {{{"name", "Small"}, {"unit_price", "10.5"}}}}},
                 token);
    ASSERT_EQ(created.status, 201) << created.text;
    offering = created.body["uuid"];
    ASSERT_EQ(api.Post("/api/marketplace-provider-offerings/" + offering + "/activate/", {}, token)
                  .status,
              200);
    const auto placed = api.Post("/api/marketplace-orders/",
                                 {{"project", project},
                                  {"offering", offering},
                                  {"plan", created.body["plans"][0]["uuid"]},
                                  {"attributes", {{"name", "vm"}}},
                                  {"limits", {{"cpu", 2}}}},
                                 token);
    ASSERT_EQ(placed.status, 201) << placed.text;
    order = placed.body["uuid"];
    ASSERT_EQ(server.Terminate(), 0);
  }

  ASSERT_EQ(RunOrderly({"migrate-store", "--from", source_, "--to", target_->url()}, &output), 0)
      << output;
  EXPECT_NE(output.find("orders: 1 rows"), std::string::npos) << output;
  EXPECT_NE(output.find("row counts match"), std::string::npos) << output;

  ServerProcess copy(target_->url());
  copy.Start();
  ApiClient api(copy.port());
  // The token issued by the SQLite server still works: secrets were copied as stored.
  const auto me = api.Get("/api/users/me/", token);
  ASSERT_EQ(me.status, 200) << me.text;
  EXPECT_EQ(api.Get("/api/customers/" + customer + "/", token).body["name"], "Org");
  EXPECT_EQ(api.Get("/api/projects/" + project + "/", token).body["name"], "Lab");
  const auto copied_order = api.Get("/api/marketplace-orders/" + order + "/", token);
  ASSERT_EQ(copied_order.status, 200) << copied_order.text;
  EXPECT_EQ(copied_order.body["offering_uuid"], offering);
  EXPECT_EQ(copied_order.body["project_uuid"], project);
  // New rows get ids after the copied ones.
  const auto second = api.Post("/api/customers/", {{"name", "Second"}}, token);
  EXPECT_EQ(second.status, 201) << second.text;
  EXPECT_EQ(api.Get("/api/customers/", token).Header("X-Result-Count"), "2");
}

TEST_F(MigrateStoreTest, RefusesATargetThatHoldsData) {
  std::string output;
  ASSERT_EQ(RunOrderly({"createstaffuser", "--db", source_, "--username", "admin", "--password",
                        kPassword},
                       &output),
            0)
      << output;
  ASSERT_EQ(RunOrderly({"createstaffuser", "--db", target_->url(), "--username", "other",
                        "--password", kPassword},
                       &output),
            0)
      << output;
  EXPECT_EQ(RunOrderly({"migrate-store", "--from", source_, "--to", target_->url()}, &output), 1);
  EXPECT_NE(output.find("the target is not empty"), std::string::npos) << output;
  // Nothing was written: the target still has its one user only.
  EXPECT_EQ(PostgresScalar(target_->url(), "SELECT string_agg(username, ',') FROM users"), "other");
}

}  // namespace
}  // namespace orderly::testing
