// The API conventions of spec README §3 "Conventions": error codes and bodies, paths, references,
// pagination, ordering and the order of checks.
#include "api_fixture.hpp"

namespace orderly::testing {
namespace {

class ConventionsTest : public ApiTest {};

constexpr const char* kUnknownUuid = "0123456789abcdef0123456789abcdef";

// A 400 whose body is {field: [messages]}.
::testing::AssertionResult NamesField(const ApiResponse& response, const std::string& field) {
  if (response.status != 400) {
    return ::testing::AssertionFailure() << "status " << response.status << ": " << response.text;
  }
  if (!response.body.is_object() || !response.body.contains(field) ||
      !response.body.at(field).is_array() || response.body.at(field).empty()) {
    return ::testing::AssertionFailure() << "no messages for '" << field << "': " << response.text;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult HasDetail(const ApiResponse& response, int status) {
  if (response.status != status) {
    return ::testing::AssertionFailure() << "status " << response.status << ": " << response.text;
  }
  if (!response.body.is_object() || !response.body.contains("detail") ||
      !response.body.at("detail").is_string() || response.body.at("detail").empty()) {
    return ::testing::AssertionFailure() << "no detail: " << response.text;
  }
  return ::testing::AssertionSuccess();
}

std::vector<std::string> Names(const ApiResponse& response) {
  std::vector<std::string> names;
  for (const auto& item : response.body) names.push_back(item.at("name").get<std::string>());
  return names;
}

// --- Bodies -----------------------------------------------------------------------------------

TEST_F(ConventionsTest, MalformedJsonIs400) {
  const auto response =
      api().Raw("POST", "/api/customers/", "{\"name\": ", "application/json", staff_token());
  EXPECT_EQ(response.status, 400) << response.text;
  EXPECT_FALSE(response.body.is_null()) << "error body must be JSON: " << response.text;
  // Nothing was created.
  EXPECT_EQ(api().Get("/api/customers/", staff_token()).Header("X-Result-Count"), "0");
}

TEST_F(ConventionsTest, BodyThatIsNotAnObjectIs400) {
  const auto response =
      api().Raw("POST", "/api/customers/", "[1, 2]", "application/json", staff_token());
  EXPECT_EQ(response.status, 400) << response.text;
}

TEST_F(ConventionsTest, NonJsonContentTypeIs415) {
  const auto response =
      api().Raw("POST", "/api/customers/", "{\"name\": \"Acme\"}", "text/plain", staff_token());
  EXPECT_TRUE(HasDetail(response, 415));
  EXPECT_EQ(api().Get("/api/customers/", staff_token()).Header("X-Result-Count"), "0");
}

TEST_F(ConventionsTest, JsonContentTypeWithCharsetIsAccepted) {
  const auto response = api().Raw("POST", "/api/customers/", "{\"name\": \"Acme\"}",
                                  "application/json; charset=utf-8", staff_token());
  EXPECT_EQ(response.status, 201) << response.text;
}

TEST_F(ConventionsTest, BodyOverOneMebibyteIs413AndOneMebibyteIsAccepted) {
  constexpr std::size_t kLimit = 1 << 20;
  // Exactly 1 MiB of valid JSON is within the limit (padded with whitespace: string fields have
  // their own 64 KiB cap).
  const std::string prefix = "{\"name\": \"Big\"";
  const std::string suffix = "}";
  const std::string exact =
      prefix + std::string(kLimit - prefix.size() - suffix.size(), ' ') + suffix;
  ASSERT_EQ(exact.size(), kLimit);
  const auto accepted =
      api().Raw("POST", "/api/customers/", exact, "application/json", staff_token());
  EXPECT_EQ(accepted.status, 201) << accepted.text.substr(0, 200);

  const std::string over = prefix + std::string(kLimit, ' ') + suffix;
  const auto refused =
      api().Raw("POST", "/api/customers/", over, "application/json", staff_token());
  EXPECT_EQ(refused.status, 413) << refused.text.substr(0, 200);
}

TEST_F(ConventionsTest, WrongFieldTypesAre400NamingTheField) {
  EXPECT_TRUE(NamesField(api().Post("/api/customers/", {{"name", 5}}, staff_token()), "name"));

  const auto customer = MakeCustomer("Acme");
  const std::string customer_path = "/api/customers/" + customer["uuid"].get<std::string>() + "/";
  EXPECT_TRUE(
      NamesField(api().Patch(customer_path, {{"blocked", "yes"}}, staff_token()), "blocked"));
  EXPECT_FALSE(api().Get(customer_path, staff_token()).body.at("blocked").get<bool>());

  MakeProvider(customer["uuid"]);
  const nlohmann::json offering = {
      {"name", "VM"}, {"customer", customer["uuid"]}, {"type", "Marketplace.Basic"}};
  auto with_components = offering;
  with_components["components"] = "x";
  EXPECT_TRUE(
      NamesField(api().Post("/api/marketplace-provider-offerings/", with_components, staff_token()),
                 "components"));
  auto with_shared = offering;
  with_shared["shared"] = 1;
  EXPECT_TRUE(NamesField(
      api().Post("/api/marketplace-provider-offerings/", with_shared, staff_token()), "shared"));
}

TEST_F(ConventionsTest, MissingRequiredFieldIs400NamingIt) {
  EXPECT_TRUE(
      NamesField(api().Post("/api/customers/", nlohmann::json::object(), staff_token()), "name"));
}

// --- Paths ------------------------------------------------------------------------------------

TEST_F(ConventionsTest, UnknownUuidIs404WithDetail) {
  EXPECT_TRUE(HasDetail(
      api().Get(std::string("/api/customers/") + kUnknownUuid + "/", staff_token()), 404));
  EXPECT_TRUE(
      HasDetail(api().Get(std::string("/api/projects/") + kUnknownUuid + "/", staff_token()), 404));
  EXPECT_TRUE(
      HasDetail(api().Get(std::string("/api/marketplace-provider-offerings/") + kUnknownUuid + "/",
                          staff_token()),
                404));
}

TEST_F(ConventionsTest, NonUuidPathSegmentIs404) {
  EXPECT_TRUE(HasDetail(api().Get("/api/customers/not-a-uuid/", staff_token()), 404));
  EXPECT_TRUE(HasDetail(api().Get("/api/customers/1234/", staff_token()), 404));
  EXPECT_TRUE(HasDetail(
      api().Post("/api/customers/zzzz/add_user/", nlohmann::json::object(), staff_token()), 404));
}

TEST_F(ConventionsTest, UuidWithDashesOrCapitalsAddressesTheSameObject) {
  const auto uuid = MakeCustomer("Acme")["uuid"].get<std::string>();
  std::string dashed = uuid.substr(0, 8) + "-" + uuid.substr(8, 4) + "-" + uuid.substr(12, 4) +
                       "-" + uuid.substr(16, 4) + "-" + uuid.substr(20);
  for (auto& c : dashed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto response = api().Get("/api/customers/" + dashed + "/", staff_token());
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(response.body["uuid"], uuid);
}

TEST_F(ConventionsTest, UnknownPathIs404) {
  EXPECT_TRUE(HasDetail(api().Get("/api/no-such-collection/", staff_token()), 404));
  EXPECT_TRUE(HasDetail(api().Get("/api-auth/nothing/here", staff_token()), 404));
  // Other unknown paths belong to the web UI (SPA fallback): test_web_serving.cpp.
  EXPECT_TRUE(HasDetail(api().Post("/nothing/here", nlohmann::json::object(), staff_token()), 404));
}

TEST_F(ConventionsTest, WrongMethodOnKnownPathIs405WithAllow) {
  const auto response = api().Delete("/api/customers/", staff_token());
  EXPECT_TRUE(HasDetail(response, 405));
  const auto allow = response.Header("Allow");
  EXPECT_NE(allow.find("GET"), std::string::npos) << allow;
  EXPECT_NE(allow.find("POST"), std::string::npos) << allow;

  const auto uuid = MakeCustomer("Acme")["uuid"].get<std::string>();
  EXPECT_TRUE(
      HasDetail(api().Put("/api/customers/" + uuid + "/", {{"name", "x"}}, staff_token()), 405));
  EXPECT_TRUE(HasDetail(api().Get("/api/customers/" + uuid + "/add_user/", staff_token()), 405));
}

TEST_F(ConventionsTest, TrailingSlashIsOptional) {
  const auto uuid = MakeCustomer("Acme")["uuid"].get<std::string>();
  const auto with_slash = api().Get("/api/customers/", staff_token());
  const auto without_slash = api().Get("/api/customers", staff_token());
  ASSERT_EQ(with_slash.status, 200) << with_slash.text;
  ASSERT_EQ(without_slash.status, 200) << without_slash.text;
  EXPECT_EQ(without_slash.body, with_slash.body);

  const auto object = api().Get("/api/customers/" + uuid, staff_token());
  ASSERT_EQ(object.status, 200) << object.text;
  EXPECT_EQ(object.body["uuid"], uuid);
  EXPECT_EQ(api().Post("/api/projects", {{"customer", uuid}, {"name", "P"}}, staff_token()).status,
            201);
}

// --- References -------------------------------------------------------------------------------

TEST_F(ConventionsTest, ReferenceMayBeUrlOrBareUuid) {
  const auto customer = MakeCustomer("Acme");
  const auto by_url = api().Post(
      "/api/projects/", {{"customer", customer["url"]}, {"name", "By url"}}, staff_token());
  ASSERT_EQ(by_url.status, 201) << by_url.text;
  EXPECT_EQ(by_url.body["customer_uuid"], customer["uuid"]);

  const auto by_uuid = api().Post(
      "/api/projects/", {{"customer", customer["uuid"]}, {"name", "By uuid"}}, staff_token());
  ASSERT_EQ(by_uuid.status, 201) << by_uuid.text;
  EXPECT_EQ(by_uuid.body["customer_uuid"], customer["uuid"]);
  EXPECT_EQ(by_uuid.body["customer"], customer["url"]);
}

TEST_F(ConventionsTest, BadOrUnknownReferenceIs400NamingTheField) {
  EXPECT_TRUE(NamesField(
      api().Post("/api/projects/", {{"customer", "nonsense"}, {"name", "P"}}, staff_token()),
      "customer"));
  EXPECT_TRUE(NamesField(
      api().Post("/api/projects/", {{"customer", kUnknownUuid}, {"name", "P"}}, staff_token()),
      "customer"));
}

// --- Objects carry uuid and url ----------------------------------------------------------------

TEST_F(ConventionsTest, ObjectsCarryHexUuidAndUrlThatResolves) {
  const auto customer = MakeCustomer("Acme");
  const auto uuid = customer["uuid"].get<std::string>();
  EXPECT_EQ(uuid.size(), 32u);
  EXPECT_EQ(uuid.find_first_not_of("0123456789abcdef"), std::string::npos) << uuid;
  const auto url = customer["url"].get<std::string>();
  const auto path = url.substr(url.find("/api/"));
  EXPECT_EQ(path, "/api/customers/" + uuid + "/");
  EXPECT_EQ(api().Get(path, staff_token()).body["uuid"], uuid);
}

// --- Pagination -------------------------------------------------------------------------------

class PaginationTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    // Customer 01 .. 12, created out of order so that ordering is visible.
    for (int i : {7, 3, 12, 1, 9, 5, 11, 2, 8, 4, 10, 6}) {
      MakeCustomer((i < 10 ? "Customer 0" : "Customer ") + std::to_string(i));
    }
  }
};

TEST_F(PaginationTest, DefaultPageIsTenWithCountAndLinks) {
  const auto response = api().Get("/api/customers/", staff_token());
  ASSERT_EQ(response.status, 200) << response.text;
  ASSERT_TRUE(response.body.is_array());
  EXPECT_EQ(response.body.size(), 10u);
  EXPECT_EQ(response.Header("X-Result-Count"), "12");
  const auto link = response.Header("Link");
  EXPECT_NE(link.find("rel=\"first\""), std::string::npos) << link;
  EXPECT_NE(link.find("rel=\"next\""), std::string::npos) << link;
  EXPECT_NE(link.find("rel=\"last\""), std::string::npos) << link;
  EXPECT_EQ(link.find("rel=\"prev\""), std::string::npos) << link;
  EXPECT_NE(link.find("page=2"), std::string::npos) << link;

  // The next link is an absolute URL that leads to the second page.
  const auto rel_next = link.find("; rel=\"next\"");
  ASSERT_NE(rel_next, std::string::npos);
  const auto open = link.rfind('<', rel_next);
  const std::string next_url = link.substr(open + 1, link.find('>', open) - open - 1);
  ASSERT_TRUE(next_url.starts_with("http://")) << next_url;
  const auto next = api().Get(next_url.substr(next_url.find("/api/")), staff_token());
  ASSERT_EQ(next.status, 200) << next.text;
  EXPECT_EQ(next.body.size(), 2u);
}

TEST_F(PaginationTest, SecondPageHasTheRestAndPrevButNoNext) {
  const auto response = api().Get("/api/customers/?page=2", staff_token());
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(response.body.size(), 2u);
  EXPECT_EQ(response.Header("X-Result-Count"), "12");
  const auto link = response.Header("Link");
  EXPECT_NE(link.find("rel=\"prev\""), std::string::npos) << link;
  EXPECT_NE(link.find("rel=\"first\""), std::string::npos) << link;
  EXPECT_NE(link.find("rel=\"last\""), std::string::npos) << link;
  EXPECT_EQ(link.find("rel=\"next\""), std::string::npos) << link;

  // Pages do not overlap and together hold every customer.
  auto all = Names(api().Get("/api/customers/", staff_token()));
  for (const auto& name : Names(response)) all.push_back(name);
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::unique(all.begin(), all.end()), all.end());
  EXPECT_EQ(all.size(), 12u);
}

TEST_F(PaginationTest, PageSizeIsHonouredAndCappedAt300) {
  const auto small = api().Get("/api/customers/?page_size=5&page=3", staff_token());
  ASSERT_EQ(small.status, 200) << small.text;
  EXPECT_EQ(small.body.size(), 2u);
  EXPECT_NE(small.Header("Link").find("page_size=5"), std::string::npos) << small.Header("Link");

  const auto large = api().Get("/api/customers/?page_size=1000", staff_token());
  ASSERT_EQ(large.status, 200) << large.text;
  EXPECT_EQ(large.body.size(), 12u);
  EXPECT_NE(large.Header("Link").find("page_size=300"), std::string::npos) << large.Header("Link");
  EXPECT_EQ(large.Header("Link").find("page_size=1000"), std::string::npos) << large.Header("Link");
}

TEST_F(PaginationTest, BadPageOrPageSizeIs400NamingIt) {
  EXPECT_TRUE(NamesField(api().Get("/api/customers/?page=0", staff_token()), "page"));
  EXPECT_TRUE(NamesField(api().Get("/api/customers/?page=abc", staff_token()), "page"));
  EXPECT_TRUE(NamesField(api().Get("/api/customers/?page=-1", staff_token()), "page"));
  EXPECT_TRUE(NamesField(api().Get("/api/customers/?page_size=0", staff_token()), "page_size"));
  // A page whose offset does not fit in 64 bits is refused, not wrapped around.
  EXPECT_TRUE(
      NamesField(api().Get("/api/customers/?page=9223372036854775807", staff_token()), "page"));
  EXPECT_TRUE(
      NamesField(api().Get("/api/customers/?page=99999999999999999999", staff_token()), "page"));
  EXPECT_TRUE(NamesField(api().Get("/api/projects/?page=abc", staff_token()), "page"));
}

TEST_F(PaginationTest, OrderingByNameBothWays) {
  const auto ascending = Names(api().Get("/api/customers/?o=name&page_size=20", staff_token()));
  ASSERT_EQ(ascending.size(), 12u);
  EXPECT_EQ(ascending.front(), "Customer 01");
  EXPECT_EQ(ascending.back(), "Customer 12");
  EXPECT_TRUE(std::is_sorted(ascending.begin(), ascending.end()));

  const auto descending = Names(api().Get("/api/customers/?o=-name&page_size=20", staff_token()));
  ASSERT_EQ(descending.size(), 12u);
  EXPECT_EQ(descending.front(), "Customer 12");
  EXPECT_TRUE(std::is_sorted(descending.rbegin(), descending.rend()));

  // The first page of a descending list starts at the end.
  const auto first_page = Names(api().Get("/api/customers/?o=-name", staff_token()));
  EXPECT_EQ(first_page.front(), "Customer 12");
}

TEST_F(PaginationTest, UnknownOrderingFieldIs400NamingO) {
  EXPECT_TRUE(NamesField(api().Get("/api/customers/?o=password", staff_token()), "o"));
  EXPECT_TRUE(NamesField(api().Get("/api/customers/?o=-nope", staff_token()), "o"));
  // The message quotes the field; bytes that are not UTF-8 must not turn the 400 into a 500.
  EXPECT_TRUE(NamesField(api().Get("/api/customers/?o=%ff", staff_token()), "o"));
}

// --- Health -----------------------------------------------------------------------------------

TEST_F(ConventionsTest, HealthIs200WithoutToken) {
  const auto response = api().Get("/health/");
  ASSERT_EQ(response.status, 200) << response.text;
  EXPECT_EQ(api().Get("/health").status, 200);
}

// --- Order of checks: 401, 404, 403, then the body ----------------------------------------------

TEST_F(ConventionsTest, MissingTokenIs401BeforeAnythingElse) {
  EXPECT_EQ(api().Get(std::string("/api/customers/") + kUnknownUuid + "/").status, 401);
  EXPECT_EQ(api().Get("/api/customers/?page=abc").status, 401);
  EXPECT_EQ(api().Get("/api/users/?o=nope").status, 401);
  EXPECT_EQ(api().Raw("POST", "/api/customers/", "{bad", "application/json").status, 401);
}

TEST_F(ConventionsTest, UnknownObjectIs404BeforeBodyValidation) {
  const auto response = api().Raw("PATCH", std::string("/api/customers/") + kUnknownUuid + "/",
                                  "{bad", "application/json", staff_token());
  EXPECT_TRUE(HasDetail(response, 404));
  const auto project = api().Raw("PATCH", std::string("/api/projects/") + kUnknownUuid + "/",
                                 "{bad", "application/json", staff_token());
  EXPECT_TRUE(HasDetail(project, 404));
}

TEST_F(ConventionsTest, ForbiddenIs403BeforeBodyValidation) {
  const auto customer = MakeCustomer("Acme");
  const auto owner = MakeUser("owner");
  Grant("customers", customer["uuid"], owner.uuid, "CUSTOMER.OWNER");
  // Only staff may change an organization; the owner's broken body is never looked at.
  const auto response =
      api().Raw("PATCH", "/api/customers/" + customer["uuid"].get<std::string>() + "/", "{bad",
                "application/json", owner.token);
  EXPECT_TRUE(HasDetail(response, 403));
  const auto typed = api().Patch("/api/customers/" + customer["uuid"].get<std::string>() + "/",
                                 {{"blocked", "yes"}}, owner.token);
  EXPECT_TRUE(HasDetail(typed, 403));

  // The same for role grants: a customer manager may not grant, whatever the body says.
  const auto manager = MakeUser("manager");
  Grant("customers", customer["uuid"], manager.uuid, "CUSTOMER.MANAGER");
  const auto grant =
      api().Raw("POST", "/api/customers/" + customer["uuid"].get<std::string>() + "/add_user/",
                "{bad", "application/json", manager.token);
  EXPECT_TRUE(HasDetail(grant, 403));
  EXPECT_TRUE(
      HasDetail(api().Raw("POST", std::string("/api/customers/") + kUnknownUuid + "/add_user/",
                          "{bad", "application/json", staff_token()),
                404));
}

TEST_F(ConventionsTest, StaffOnlyCreateIs403BeforeBodyValidation) {
  const auto user = MakeUser("someone");
  EXPECT_TRUE(
      HasDetail(api().Raw("POST", "/api/customers/", "{bad", "application/json", user.token), 403));
  EXPECT_TRUE(HasDetail(api().Post("/api/customers/", {{"name", 5}}, user.token), 403));
  EXPECT_TRUE(HasDetail(api().Post("/api/users/", {{"username", 5}}, user.token), 403));
  EXPECT_TRUE(HasDetail(
      api().Post("/api/marketplace-service-providers/", nlohmann::json::object(), user.token),
      403));
}

}  // namespace
}  // namespace orderly::testing
