#include "service/orders/order_validation.hpp"

#include <gtest/gtest.h>

#include "domain/error.hpp"

namespace orderly::service {
namespace {

domain::Offering OfferingWithCpuLimit() {
  domain::Offering offering;
  offering.components = {
      {.type = "cpu", .billing_type = domain::BillingType::kLimit, .min_value = 1}};
  return offering;
}

std::string MessageOf(const nlohmann::json& limits) {
  try {
    ValidateLimits(OfferingWithCpuLimit(), limits, "limits");
  } catch (const Error& error) {
    return error.errors().empty() ? error.message() : error.errors().front().message;
  }
  return "accepted";
}

// 18446744073709551615 used to be read as -1 and refused as "must be at least 1": a limit the
// client never sent.
TEST(OrderValidationTest, LimitAboveTheSignedRangeIsTooLarge) {
  EXPECT_EQ(MessageOf(nlohmann::json::parse(R"({"cpu": 18446744073709551615})")),
            "Limit 'cpu' is too large.");
  EXPECT_EQ(MessageOf(nlohmann::json::parse(R"({"cpu": 9223372036854775807})")), "accepted");
}

}  // namespace
}  // namespace orderly::service
