#include "api/http/url.hpp"

#include <gtest/gtest.h>

namespace orderly::api::http {
namespace {

using Pairs = QueryPairs;

TEST(PercentDecodeTest, DecodesEscapes) {
  EXPECT_EQ(PercentDecode("caf%C3%A9%20au%2Flait"), "café au/lait");
  EXPECT_EQ(PercentDecode("%e2%9c%93"), "✓");
}

TEST(PercentDecodeTest, KeepsPlusInPaths) { EXPECT_EQ(PercentDecode("a+b"), "a+b"); }

TEST(PercentDecodeTest, KeepsInvalidEscapesLiterally) {
  EXPECT_EQ(PercentDecode("100%"), "100%");
  EXPECT_EQ(PercentDecode("%zz%4"), "%zz%4");
  EXPECT_EQ(PercentDecode("%%41"), "%A");
  EXPECT_EQ(PercentDecode("%"), "%");
}

TEST(QueryDecodeTest, TreatsPlusAsSpace) { EXPECT_EQ(QueryDecode("a+b%2Bc"), "a b+c"); }

TEST(PercentEncodeTest, EscapesAllButUnreserved) {
  EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(PercentEncode("a b/c?d=e&f+g"), "a%20b%2Fc%3Fd%3De%26f%2Bg");
  EXPECT_EQ(PercentEncode("café"), "caf%C3%A9");
}

TEST(PercentEncodeTest, RoundTripsEveryByte) {
  std::string all;
  for (int byte = 0; byte < 256; ++byte) all.push_back(static_cast<char>(byte));
  EXPECT_EQ(PercentDecode(PercentEncode(all)), all);
  EXPECT_EQ(QueryDecode(PercentEncode(all)), all);
}

TEST(ParseQueryTest, SplitsDecodesAndKeepsOrder) {
  EXPECT_EQ(ParseQuery("b=2&a=1&b=3"), (Pairs{{"b", "2"}, {"a", "1"}, {"b", "3"}}));
  EXPECT_EQ(ParseQuery("name=a+b%26c&x%3Dy=z"), (Pairs{{"name", "a b&c"}, {"x=y", "z"}}));
}

TEST(ParseQueryTest, HandlesFlagsEmptyValuesAndEmptyPieces) {
  EXPECT_EQ(ParseQuery("flag&empty=&&=v&"), (Pairs{{"flag", ""}, {"empty", ""}, {"", "v"}}));
  EXPECT_EQ(ParseQuery(""), Pairs{});
  EXPECT_EQ(ParseQuery("a=b=c"), (Pairs{{"a", "b=c"}}));
}

TEST(ParseTargetTest, SplitsPathAndQuery) {
  Target target = ParseTarget("/api/caf%C3%A9/x+y/?page=2&name=a+b");
  EXPECT_EQ(target.path, "/api/café/x+y/");
  EXPECT_EQ(target.query, (Pairs{{"page", "2"}, {"name", "a b"}}));
}

TEST(ParseTargetTest, WithoutQuery) {
  Target target = ParseTarget("/api/customers/");
  EXPECT_EQ(target.path, "/api/customers/");
  EXPECT_TRUE(target.query.empty());
}

TEST(ParseTargetTest, EmptyQueryAndEmptyPath) {
  EXPECT_TRUE(ParseTarget("/a?").query.empty());
  EXPECT_EQ(ParseTarget("?a=1").path, "/");
  EXPECT_EQ(ParseTarget("?a=1").query, (Pairs{{"a", "1"}}));
}

TEST(ParseTargetTest, QuestionMarkInsideQueryValue) {
  EXPECT_EQ(ParseTarget("/a?next=/b?c=d").query, (Pairs{{"next", "/b?c=d"}}));
}

TEST(ParseTargetTest, DropsFragment) {
  Target target = ParseTarget("/a?x=1#frag");
  EXPECT_EQ(target.path, "/a");
  EXPECT_EQ(target.query, (Pairs{{"x", "1"}}));
}

TEST(ParseTargetTest, AcceptsAbsoluteForm) {
  Target target = ParseTarget("http://example.com:8080/api/x?y=1");
  EXPECT_EQ(target.path, "/api/x");
  EXPECT_EQ(target.query, (Pairs{{"y", "1"}}));
  EXPECT_EQ(ParseTarget("http://example.com").path, "/");
}

TEST(ParseTargetTest, SchemeLikeTextInQueryIsNotAbsoluteForm) {
  Target target = ParseTarget("/redirect?to=http://example.com/x");
  EXPECT_EQ(target.path, "/redirect");
  EXPECT_EQ(target.query, (Pairs{{"to", "http://example.com/x"}}));
}

}  // namespace
}  // namespace orderly::api::http
