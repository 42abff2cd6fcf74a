#include "api/http/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace orderly::api::http {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

// Each handler answers with its own name, so a test can tell which route matched.
Handler Named(std::string name) {
  return [name](Request&) { return Response{200, "text/plain", name, {}}; };
}

std::string Call(const RouteMatch& match) {
  if (match.status != MatchStatus::kFound) return "<no match>";
  Request request;
  return (*match.handler)(request).body;
}

TEST(RouterTest, MatchesLiteralRoute) {
  Router router;
  router.Add("GET", "/api/customers/", Named("list"));
  RouteMatch match = router.Match("GET", "/api/customers/");
  EXPECT_EQ(match.status, MatchStatus::kFound);
  EXPECT_EQ(Call(match), "list");
  EXPECT_TRUE(match.params.empty());
}

TEST(RouterTest, TrailingSlashIsOptionalOnBothSides) {
  Router router;
  router.Add("GET", "/api/customers/", Named("with"));
  router.Add("GET", "/api/offerings", Named("without"));
  EXPECT_EQ(Call(router.Match("GET", "/api/customers")), "with");
  EXPECT_EQ(Call(router.Match("GET", "/api/customers/")), "with");
  EXPECT_EQ(Call(router.Match("GET", "/api/offerings")), "without");
  EXPECT_EQ(Call(router.Match("GET", "/api/offerings/")), "without");
}

TEST(RouterTest, CapturesSegments) {
  Router router;
  router.Add("POST", "/api/customers/{uuid}/add_user/", Named("add_user"));
  router.Add("GET", "/api/projects/{project}/members/{user}", Named("member"));

  RouteMatch add = router.Match("POST", "/api/customers/c0ffee/add_user");
  EXPECT_EQ(Call(add), "add_user");
  EXPECT_EQ(add.params, (Params{{"uuid", "c0ffee"}}));

  RouteMatch member = router.Match("GET", "/api/projects/p1/members/u2/");
  EXPECT_EQ(Call(member), "member");
  EXPECT_EQ(member.params, (Params{{"project", "p1"}, {"user", "u2"}}));
}

TEST(RouterTest, CaptureNeedsANonEmptySegment) {
  Router router;
  router.Add("GET", "/api/customers/{uuid}/", Named("detail"));
  EXPECT_EQ(router.Match("GET", "/api/customers//").status, MatchStatus::kNotFound);
  EXPECT_EQ(router.Match("GET", "/api/customers/a/b/").status, MatchStatus::kNotFound);
}

TEST(RouterTest, SameCapturePositionMayUseDifferentNames) {
  Router router;
  router.Add("GET", "/api/customers/{uuid}/", Named("detail"));
  router.Add("GET", "/api/customers/{customer_uuid}/users/", Named("users"));
  EXPECT_EQ(router.Match("GET", "/api/customers/x/").params, (Params{{"uuid", "x"}}));
  EXPECT_EQ(router.Match("GET", "/api/customers/x/users/").params,
            (Params{{"customer_uuid", "x"}}));
}

TEST(RouterTest, LiteralWinsOverCaptureInEitherRegistrationOrder) {
  for (bool literal_first : {true, false}) {
    Router router;
    if (literal_first) router.Add("GET", "/api/users/me/", Named("me"));
    router.Add("GET", "/api/users/{uuid}/", Named("detail"));
    if (!literal_first) router.Add("GET", "/api/users/me/", Named("me"));

    EXPECT_EQ(Call(router.Match("GET", "/api/users/me/")), "me");
    RouteMatch other = router.Match("GET", "/api/users/1234/");
    EXPECT_EQ(Call(other), "detail");
    EXPECT_EQ(other.params, (Params{{"uuid", "1234"}}));
  }
}

TEST(RouterTest, FallsBackToCaptureWhenLiteralBranchDeadEnds) {
  Router router;
  router.Add("GET", "/api/users/me/", Named("me"));
  router.Add("GET", "/api/users/{uuid}/keys/", Named("keys"));
  RouteMatch match = router.Match("GET", "/api/users/me/keys/");
  EXPECT_EQ(Call(match), "keys");
  EXPECT_EQ(match.params, (Params{{"uuid", "me"}}));
}

TEST(RouterTest, UnknownPathIsNotFound) {
  Router router;
  router.Add("GET", "/api/customers/", Named("list"));
  EXPECT_EQ(router.Match("GET", "/api/orders/").status, MatchStatus::kNotFound);
  EXPECT_EQ(router.Match("GET", "/api/").status, MatchStatus::kNotFound);
  EXPECT_EQ(router.Match("GET", "/api/customers/x/").status, MatchStatus::kNotFound);
  EXPECT_EQ(router.Match("GET", "").status, MatchStatus::kNotFound);
  EXPECT_EQ(router.Match("GET", "api/customers/").status, MatchStatus::kNotFound);
  EXPECT_EQ(router.Match("GET", "*").status, MatchStatus::kNotFound);
}

TEST(RouterTest, KnownPathWithOtherMethodIsMethodNotAllowed) {
  Router router;
  router.Add("GET", "/api/customers/", Named("list"));
  router.Add("POST", "/api/customers/", Named("create"));
  RouteMatch match = router.Match("DELETE", "/api/customers");
  EXPECT_EQ(match.status, MatchStatus::kMethodNotAllowed);
  EXPECT_EQ(match.handler, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "POST", "HEAD"}));
  EXPECT_EQ(match.Allow(), "GET, POST, HEAD");
}

TEST(RouterTest, BestPathDecidesTheMethodAnswer) {
  Router router;
  router.Add("GET", "/api/users/me/", Named("me"));
  router.Add("DELETE", "/api/users/{uuid}/", Named("delete"));
  RouteMatch match = router.Match("DELETE", "/api/users/me/");
  EXPECT_EQ(match.status, MatchStatus::kMethodNotAllowed);
  EXPECT_EQ(match.Allow(), "GET, HEAD");
}

TEST(RouterTest, HeadFallsBackToGet) {
  Router router;
  router.Add("GET", "/health", Named("get"));
  EXPECT_EQ(Call(router.Match("HEAD", "/health")), "get");
  router.Add("HEAD", "/health", Named("head"));
  EXPECT_EQ(Call(router.Match("HEAD", "/health")), "head");
}

TEST(RouterTest, PostDoesNotFallBackToGet) {
  Router router;
  router.Add("POST", "/x", Named("post"));
  RouteMatch match = router.Match("HEAD", "/x");
  EXPECT_EQ(match.status, MatchStatus::kMethodNotAllowed);
  EXPECT_EQ(match.Allow(), "POST");
}

TEST(RouterTest, MethodIsCaseNormalizedOnAdd) {
  Router router;
  router.Add("get", "/x", Named("x"));
  EXPECT_EQ(Call(router.Match("GET", "/x")), "x");
}

TEST(RouterTest, RootRoute) {
  Router router;
  router.Add("GET", "/", Named("root"));
  EXPECT_EQ(Call(router.Match("GET", "/")), "root");
  EXPECT_EQ(router.Match("GET", "/x").status, MatchStatus::kNotFound);
}

TEST(RouterTest, PrefixOfARouteIsNotARoute) {
  Router router;
  router.Add("GET", "/api/customers/{uuid}/users/", Named("users"));
  EXPECT_EQ(router.Match("GET", "/api/customers/x/").status, MatchStatus::kNotFound);
}

TEST(RouterTest, RejectsMalformedPatterns) {
  Router router;
  EXPECT_THROW(router.Add("GET", "api/x", Named("")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "", Named("")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{}/", Named("")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{b/", Named("")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/x{b}/", Named("")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{b-c}/", Named("")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a//b/", Named("")), std::invalid_argument);
  EXPECT_THROW(router.Add("", "/a/", Named("")), std::invalid_argument);
}

TEST(RouterTest, RejectsDuplicates) {
  Router router;
  router.Add("GET", "/api/x/{uuid}/", Named("first"));
  EXPECT_THROW(router.Add("GET", "/api/x/{id}", Named("second")), std::logic_error);
  EXPECT_NO_THROW(router.Add("PUT", "/api/x/{id}", Named("put")));
}

TEST(RouterTest, ManyRoutes) {
  Router router;
  for (int i = 0; i < 200; ++i) {
    router.Add("GET", "/api/r" + std::to_string(i) + "/{uuid}/", Named(std::to_string(i)));
  }
  RouteMatch match = router.Match("GET", "/api/r137/abc/");
  EXPECT_EQ(Call(match), "137");
  EXPECT_EQ(match.params, (Params{{"uuid", "abc"}}));
}

}  // namespace
}  // namespace orderly::api::http
