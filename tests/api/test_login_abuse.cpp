// Login abuse (issue 9): failed logins for one username are counted in the store; the 5th failure
// within 15 minutes locks the name for 15 minutes (429 with Retry-After), a successful login
// resets the count, and the event log records failures and lock-outs. Time is the injected clock.
#include "clock_fixture.hpp"

namespace orderly::testing {
namespace {

constexpr const char* kStart = "2030-01-01T00:00:00.000000Z";

class LoginAbuseTest : public ClockTest {
 protected:
  ApiResponse TryLogin(const std::string& username, const std::string& password) {
    return api().Post("/api-auth/password/", {{"username", username}, {"password", password}});
  }
  void FailTimes(const std::string& username, int times) {
    for (int i = 0; i < times; ++i) {
      const auto response = TryLogin(username, "wrong-password");
      ASSERT_EQ(response.status, 400) << "attempt " << i + 1 << ": " << response.text;
    }
  }
};

TEST_F(LoginAbuseTest, FifthFailureLocksTheUsernameWith429AndRetryAfter) {
  SetNow(kStart);
  MakeUser("alice");
  FailTimes("alice", 5);
  // Even the right password is refused while locked.
  const auto locked = TryLogin("alice", kPassword);
  ASSERT_EQ(locked.status, 429) << locked.text;
  EXPECT_EQ(locked.Header("Retry-After"), "900");
  EXPECT_TRUE(locked.body.contains("detail")) << locked.text;

  SetNow("2030-01-01T00:14:59.000000Z");
  const auto still = TryLogin("alice", kPassword);
  ASSERT_EQ(still.status, 429) << still.text;
  EXPECT_EQ(still.Header("Retry-After"), "1");

  SetNow("2030-01-01T00:15:00.000000Z");
  EXPECT_EQ(TryLogin("alice", kPassword).status, 200);
}

TEST_F(LoginAbuseTest, LockOutOfOneUsernameLeavesOthersAlone) {
  SetNow(kStart);
  MakeUser("alice");
  FailTimes("alice", 5);
  EXPECT_EQ(TryLogin("alice", kPassword).status, 429);
  EXPECT_EQ(TryLogin("admin", kPassword).status, 200);
}

TEST_F(LoginAbuseTest, SuccessfulLoginResetsTheCount) {
  SetNow(kStart);
  MakeUser("alice");
  FailTimes("alice", 4);
  ASSERT_EQ(TryLogin("alice", kPassword).status, 200);
  FailTimes("alice", 4);
  EXPECT_EQ(TryLogin("alice", kPassword).status, 200);
}

TEST_F(LoginAbuseTest, FailuresOlderThanTheWindowDoNotCount) {
  SetNow(kStart);
  MakeUser("alice");
  FailTimes("alice", 4);
  SetNow("2030-01-01T00:15:00.000000Z");
  FailTimes("alice", 4);
  EXPECT_EQ(TryLogin("alice", kPassword).status, 200);
}

TEST_F(LoginAbuseTest, UnknownUsernameIsLockedLikeAKnownOne) {
  // Otherwise the 429 would tell an attacker which names exist.
  SetNow(kStart);
  FailTimes("nobody", 5);
  const auto locked = TryLogin("nobody", "anything");
  EXPECT_EQ(locked.status, 429) << locked.text;
  EXPECT_EQ(locked.Header("Retry-After"), "900");
}

TEST_F(LoginAbuseTest, EventLogRecordsFailuresAndTheLockOut) {
  SetNow(kStart);
  const auto alice = MakeUser("alice");
  FailTimes("alice", 5);
  EXPECT_EQ(TryLogin("alice", kPassword).status, 429);
  const auto events = api().Get("/api/events/?scope=" + alice.uuid, staff_token());
  ASSERT_EQ(events.status, 200) << events.text;
  int failed = 0, locked_out = 0;
  for (const auto& event : events.body) {
    EXPECT_EQ(event["scope_type"], "user");
    if (event["event_type"] == "auth_login_failed") ++failed;
    if (event["event_type"] == "auth_login_locked_out") ++locked_out;
  }
  EXPECT_EQ(failed, 5) << events.text;
  EXPECT_EQ(locked_out, 1) << events.text;
  // Refused attempts while locked are not counted again (no password was checked).
}

TEST_F(LoginAbuseTest, CountIsSharedByNodesOnOneDatabase) {
  SetNow(kStart);
  MakeUser("alice");
  ServerProcess second(server().db_url(), ExtraServerArgs());
  second.Start();
  ApiClient other(second.port());
  FailTimes("alice", 3);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(
        other.Post("/api-auth/password/", {{"username", "alice"}, {"password", "wrong"}}).status,
        400);
  }
  EXPECT_EQ(TryLogin("alice", kPassword).status, 429);
  EXPECT_EQ(
      other.Post("/api-auth/password/", {{"username", "alice"}, {"password", kPassword}}).status,
      429);
}

}  // namespace
}  // namespace orderly::testing
