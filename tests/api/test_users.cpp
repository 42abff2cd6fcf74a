// Users: POST /api/users/ (staff only), GET /api/users/, /api/users/{uuid}/, /api/users/me/.
#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

class UsersTest : public ApiTest {};

::testing::AssertionResult NamesField(const ApiResponse& response, const std::string& field) {
  if (response.status != 400) {
    return ::testing::AssertionFailure() << "status " << response.status << ": " << response.text;
  }
  if (!response.body.is_object() || !response.body.contains(field)) {
    return ::testing::AssertionFailure() << "'" << field << "' not named: " << response.text;
  }
  return ::testing::AssertionSuccess();
}

TEST_F(UsersTest, StaffCreatesUserWithItsFields) {
  const auto response = api().Post("/api/users/",
                                   {{"username", "alice"},
                                    {"password", kPassword},
                                    {"email", "alice@example.org"},
                                    {"full_name", "Alice Liddell"}},
                                   staff_token());
  ASSERT_EQ(response.status, 201) << response.text;
  const auto& user = response.body;
  EXPECT_EQ(user["username"], "alice");
  EXPECT_EQ(user["email"], "alice@example.org");
  EXPECT_EQ(user["full_name"], "Alice Liddell");
  EXPECT_EQ(user["is_staff"], false);
  EXPECT_EQ(user["is_support"], false);
  EXPECT_EQ(user["is_active"], true);
  EXPECT_EQ(user["uuid"].get<std::string>().size(), 32u);
  EXPECT_TRUE(user["url"].get<std::string>().ends_with("/api/users/" +
                                                       user["uuid"].get<std::string>() + "/"));
  EXPECT_FALSE(user.contains("password")) << response.text;
  // The new user can log in with the password given.
  EXPECT_EQ(api().Login("alice", kPassword).size(), 40u);
}

TEST_F(UsersTest, StaffMayCreateStaffAndSupportUsers) {
  const auto staff =
      api().Post("/api/users/", {{"username", "boss"}, {"password", kPassword}, {"is_staff", true}},
                 staff_token());
  ASSERT_EQ(staff.status, 201) << staff.text;
  EXPECT_EQ(staff.body["is_staff"], true);
  const auto support = api().Post(
      "/api/users/", {{"username", "helper"}, {"password", kPassword}, {"is_support", true}},
      staff_token());
  ASSERT_EQ(support.status, 201) << support.text;
  EXPECT_EQ(support.body["is_support"], true);
  // A new staff user has staff powers.
  const auto boss_token = api().Login("boss", kPassword);
  EXPECT_EQ(api()
                .Post("/api/users/", {{"username", "carol"}, {"password", kPassword}}, boss_token)
                .status,
            201);
}

TEST_F(UsersTest, NonStaffAndSupportMayNotCreateUsers) {
  const auto plain = MakeUser("plain");
  const auto support = MakeUser("support", {{"is_support", true}});
  const nlohmann::json body = {{"username", "mallory"}, {"password", kPassword}};
  const auto by_plain = api().Post("/api/users/", body, plain.token);
  EXPECT_EQ(by_plain.status, 403) << by_plain.text;
  EXPECT_TRUE(by_plain.body.contains("detail"));
  EXPECT_EQ(api().Post("/api/users/", body, support.token).status, 403);
  EXPECT_EQ(api().Post("/api/users/", body).status, 401);
  EXPECT_THROW(api().Login("mallory", kPassword), std::runtime_error);
}

TEST_F(UsersTest, DuplicateUsernameIs400NamingUsername) {
  MakeUser("alice");
  const auto response = api().Post(
      "/api/users/", {{"username", "alice"}, {"password", "another-password"}}, staff_token());
  EXPECT_TRUE(NamesField(response, "username"));
  // The first alice keeps her password.
  EXPECT_EQ(api().Login("alice", kPassword).size(), 40u);
}

TEST_F(UsersTest, InvalidInputIs400NamingTheField) {
  EXPECT_TRUE(NamesField(
      api().Post("/api/users/", {{"username", "bob"}, {"password", "short"}}, staff_token()),
      "password"));
  EXPECT_TRUE(
      NamesField(api().Post("/api/users/", {{"password", kPassword}}, staff_token()), "username"));
  EXPECT_TRUE(
      NamesField(api().Post("/api/users/", {{"username", "bob"}}, staff_token()), "password"));
  EXPECT_TRUE(
      NamesField(api().Post("/api/users/", {{"username", "bad name!"}, {"password", kPassword}},
                            staff_token()),
                 "username"));
  EXPECT_TRUE(NamesField(
      api().Post("/api/users/", {{"username", "bob"}, {"password", kPassword}, {"is_staff", "yes"}},
                 staff_token()),
      "is_staff"));
  EXPECT_TRUE(NamesField(
      api().Post(
          "/api/users/",
          {{"username", "bob"}, {"password", kPassword}, {"is_staff", true}, {"is_support", true}},
          staff_token()),
      "is_support"));
  // None of these created a user.
  EXPECT_EQ(api().Get("/api/users/", staff_token()).Header("X-Result-Count"), "1");
}

TEST_F(UsersTest, NonStaffSeesOnlyThemselves) {
  const auto alice = MakeUser("alice");
  const auto bob = MakeUser("bob");
  const auto list = api().Get("/api/users/", alice.token);
  ASSERT_EQ(list.status, 200) << list.text;
  ASSERT_EQ(list.body.size(), 1u) << list.text;
  EXPECT_EQ(list.body[0]["uuid"], alice.uuid);
  EXPECT_EQ(list.Header("X-Result-Count"), "1");

  EXPECT_EQ(api().Get("/api/users/" + alice.uuid + "/", alice.token).status, 200);
  const auto other = api().Get("/api/users/" + bob.uuid + "/", alice.token);
  EXPECT_EQ(other.status, 404) << other.text;
  EXPECT_TRUE(other.body.contains("detail"));
}

TEST_F(UsersTest, StaffAndSupportSeeEveryUser) {
  const auto alice = MakeUser("alice");
  const auto support = MakeUser("support", {{"is_support", true}});
  for (const auto* token : {&staff_token(), &support.token}) {
    const auto list = api().Get("/api/users/", *token);
    ASSERT_EQ(list.status, 200) << list.text;
    EXPECT_EQ(list.Header("X-Result-Count"), "3");  // admin, alice, support
    EXPECT_EQ(api().Get("/api/users/" + alice.uuid + "/", *token).status, 200);
  }
}

TEST_F(UsersTest, MeReturnsTheCallerWithRoles) {
  const auto alice = MakeUser("alice", {{"full_name", "Alice"}});
  const auto customer = MakeCustomer("Acme");
  Grant("customers", customer["uuid"], alice.uuid, "CUSTOMER.OWNER");

  const auto me = api().Get("/api/users/me/", alice.token);
  ASSERT_EQ(me.status, 200) << me.text;
  EXPECT_EQ(me.body["uuid"], alice.uuid);
  EXPECT_EQ(me.body["username"], "alice");
  EXPECT_EQ(me.body["full_name"], "Alice");
  EXPECT_EQ(me.body["is_staff"], false);
  ASSERT_EQ(me.body["roles"].size(), 1u) << me.text;
  EXPECT_EQ(me.body["roles"][0]["role"], "CUSTOMER.OWNER");
  EXPECT_EQ(me.body["roles"][0]["scope_type"], "customer");

  const auto staff_me = api().Get("/api/users/me", staff_token());
  ASSERT_EQ(staff_me.status, 200) << staff_me.text;
  EXPECT_EQ(staff_me.body["username"], "admin");
  EXPECT_EQ(staff_me.body["is_staff"], true);
  EXPECT_EQ(api().Get("/api/users/me/").status, 401);
}

}  // namespace
}  // namespace orderly::testing
