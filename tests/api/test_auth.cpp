#include <fstream>

#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

class AuthTest : public ApiTest {};

TEST_F(AuthTest, LoginReturnsA40HexToken) {
  const auto response =
      api().Post("/api-auth/password/", {{"username", "admin"}, {"password", kPassword}});
  ASSERT_EQ(response.status, 200) << response.text;
  const auto token = response.body.at("token").get<std::string>();
  EXPECT_EQ(token.size(), 40u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST_F(AuthTest, WrongPasswordIsRejectedWith400) {
  const auto response =
      api().Post("/api-auth/password/", {{"username", "admin"}, {"password", "wrong-password"}});
  EXPECT_EQ(response.status, 400) << response.text;
}

TEST_F(AuthTest, MissingUsernameNamesTheField) {
  const auto response = api().Post("/api-auth/password/", {{"password", kPassword}});
  ASSERT_EQ(response.status, 400);
  EXPECT_TRUE(response.body.contains("username")) << response.text;
}

TEST_F(AuthTest, ApiWithoutTokenIs401) {
  const auto response = api().Get("/api/customers/");
  EXPECT_EQ(response.status, 401);
  EXPECT_TRUE(response.body.contains("detail")) << response.text;
}

TEST_F(AuthTest, ApiWithUnknownTokenIs401) {
  const auto response = api().Get("/api/customers/", std::string(40, 'a'));
  EXPECT_EQ(response.status, 401);
}

TEST_F(AuthTest, ApiWithOtherSchemeIs401) {
  httplib::Client client("127.0.0.1", server().port());
  const auto result = client.Get("/api/customers/", {{"Authorization", "Bearer abc"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 401);
}

TEST_F(AuthTest, EachLoginIssuesAWorkingToken) {
  const auto first = api().Login("admin", kPassword);
  const auto second = api().Login("admin", kPassword);
  EXPECT_NE(first, second);
  EXPECT_EQ(api().Get("/api/users/me/", first).status, 200);
  EXPECT_EQ(api().Get("/api/users/me/", second).status, 200);
}

TEST_F(AuthTest, TokensAndPasswordsAreNotStoredInPlainText) {
  const auto token = api().Login("admin", kPassword);
  std::string contents;
  if (server().on_postgres()) {
    // No file to read: every stored secret as the database holds it.
    contents =
        PostgresScalar(server().db_url(),
                       "SELECT (SELECT string_agg(token_hash, ',') FROM auth_tokens) || ',' || "
                       "(SELECT string_agg(password_hash, ',') FROM users)");
  } else {
    // Read the raw database file: neither secret may appear in it.
    const auto path = server().directory() / "orderly.db";
    for (const auto& file : {path, std::filesystem::path(path.string() + "-wal")}) {
      std::ifstream in(file, std::ios::binary);
      contents.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  ASSERT_FALSE(contents.empty());
  EXPECT_EQ(contents.find(token), std::string::npos);
  EXPECT_EQ(contents.find(kPassword), std::string::npos);
}

}  // namespace
}  // namespace orderly::testing
