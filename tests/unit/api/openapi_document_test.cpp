#include "api/openapi/openapi_document.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace orderly::api::openapi {
namespace {

TEST(OpenApiDocument, DescribesEveryRouteOfTheTableOnce) {
  const auto document = OpenApiDocument(Routes());
  std::size_t operations = 0;
  for (const auto& [path, methods] : document["paths"].items()) operations += methods.size();
  EXPECT_EQ(operations, Routes().size());
  for (const Route& route : Routes()) {
    std::string method(route.method);
    std::ranges::transform(method, method.begin(), ::tolower);
    EXPECT_TRUE(document["paths"][std::string(route.pattern)].contains(method))
        << route.method << " " << route.pattern;
  }
}

TEST(OpenApiDocument, OperationIdsAreUniqueAndPathParametersDeclared) {
  const auto document = OpenApiDocument(Routes());
  std::set<std::string> ids;
  const std::regex capture(R"(\{([a-z_]+)\})");
  for (const auto& [path, methods] : document["paths"].items()) {
    for (const auto& [method, operation] : methods.items()) {
      EXPECT_TRUE(ids.insert(operation["operationId"].get<std::string>()).second)
          << operation["operationId"];
      for (auto it = std::sregex_iterator(path.begin(), path.end(), capture);
           it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[1];
        const bool declared =
            std::ranges::any_of(operation["parameters"], [&](const nlohmann::json& parameter) {
              return parameter["name"] == name && parameter["in"] == "path" &&
                     parameter["required"] == true;
            });
        EXPECT_TRUE(declared) << method << " " << path << " lacks path parameter " << name;
      }
    }
  }
}

TEST(OpenApiDocument, ActionsOnObjectsDocumentConflictsAndUnsupportedTypes) {
  const auto document = OpenApiDocument(Routes());
  const auto& approve =
      document["paths"]["/api/marketplace-orders/{uuid}/approve_by_provider/"]["post"];
  EXPECT_EQ(approve["tags"][0], "marketplace-orders");
  EXPECT_TRUE(approve["responses"].contains("409"));
  EXPECT_TRUE(approve["responses"].contains("405"));
  const auto& list = document["paths"]["/api/marketplace-orders/"]["get"];
  EXPECT_TRUE(std::ranges::any_of(list["parameters"],
                                  [](const auto& p) { return p["name"] == "page_size"; }));
  EXPECT_TRUE(document["paths"]["/api/marketplace-orders/"]["post"]["responses"].contains("201"));
  EXPECT_EQ(document["paths"]["/health/"]["get"]["security"], nlohmann::json::array());
  EXPECT_FALSE(document["paths"]["/api/users/me/"]["get"].contains("security"));
}

}  // namespace
}  // namespace orderly::api::openapi
