#include "api/http/message.hpp"

#include <gtest/gtest.h>

namespace orderly::api::http {
namespace {

Request Sample() {
  Request request;
  request.headers = {{"content-type", "application/json"}, {"x-tag", "a"}, {"x-tag", "b"}};
  request.query = {{"page", "2"}, {"state", "pending"}, {"state", "done"}, {"flag", ""}};
  request.path_params = {{"uuid", "abc"}};
  return request;
}

TEST(RequestTest, HeaderReturnsFirstValueOrEmpty) {
  Request request = Sample();
  EXPECT_EQ(request.Header("content-type"), "application/json");
  EXPECT_EQ(request.Header("x-tag"), "a");
  EXPECT_EQ(request.Header("missing"), "");
}

TEST(RequestTest, QueryAccessors) {
  Request request = Sample();
  EXPECT_EQ(request.Query("page"), "2");
  EXPECT_EQ(request.Query("state"), "pending");
  EXPECT_EQ(request.Query("missing"), "");
  EXPECT_TRUE(request.HasQuery("flag"));
  EXPECT_FALSE(request.HasQuery("missing"));
  EXPECT_EQ(request.QueryAll("state"), (std::vector<std::string>{"pending", "done"}));
  EXPECT_TRUE(request.QueryAll("missing").empty());
}

TEST(RequestTest, ParamReturnsCaptureOrEmpty) {
  Request request = Sample();
  EXPECT_EQ(request.Param("uuid"), "abc");
  EXPECT_EQ(request.Param("other"), "");
}

}  // namespace
}  // namespace orderly::api::http
