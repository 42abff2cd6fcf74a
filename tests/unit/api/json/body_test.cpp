#include "api/json/body.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "api/json/structure_json.hpp"
#include "domain/error.hpp"

namespace orderly::api::json {
namespace {

// The field an Error names, or "" when it is not a single-field 400.
std::string FieldOf(const std::function<void()>& read) {
  try {
    read();
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kInvalidInput && error.errors().size() == 1) {
      return error.errors().front().field;
    }
  }
  return "";
}

TEST(JsonBodyTest, IntegerAtTheTopOfTheSignedRangeIsRead) {
  const auto body = nlohmann::json::parse(R"({"max_amount": 9223372036854775807})");
  EXPECT_EQ(OptionalInteger(body, "max_amount"), 9223372036854775807LL);
}

// Found by tests/fuzz/fuzz_json_body: 18446744073709551615 was read as -1 (and 2^63 as the most
// negative number), so an offering could be stored with bounds the client never sent.
TEST(JsonBodyTest, IntegerAboveTheSignedRangeIsA400NamingTheField) {
  for (const char* text :
       {R"({"max_amount": 18446744073709551615})", R"({"max_amount": 9223372036854775808})"}) {
    const auto body = nlohmann::json::parse(text);
    EXPECT_EQ(FieldOf([&] { OptionalInteger(body, "max_amount"); }), "max_amount") << text;
  }
}

TEST(JsonBodyTest, ComponentBoundAboveTheSignedRangeIsRefused) {
  const auto components = nlohmann::json::parse(
      R"([{"type": "cpu", "billing_type": "limit", "max_value": 18446744073709551615}])");
  EXPECT_THROW(ComponentsFromJson(components), Error);
}

}  // namespace
}  // namespace orderly::api::json
