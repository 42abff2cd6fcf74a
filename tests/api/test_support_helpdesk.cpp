// Support.OfferingTemplate orders open an issue in the built-in helpdesk and wait for it
// (processing.md §9.2, spec clarification 1).
#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

class HelpdeskTest : public ScenarioTest {
 protected:
  void SetUp() override {
    ScenarioTest::SetUp();
    support_offering_ = ActiveOffering("Support.OfferingTemplate");
  }

  json IssueOf(const std::string& order) {
    const auto issues = api().Get("/api/support-issues/?page_size=100", staff_token());
    for (const auto& issue : issues.body) {
      if (issue["order_uuid"] == order) return api().Get("/api/support-issues/" + issue["uuid"].get<std::string>() + "/", staff_token()).body;
    }
    return json();
  }

  ApiResponse SetStatus(const json& issue, const std::string& status, const std::string& token) {
    return api().Post("/api/support-issues/" + issue["uuid"].get<std::string>() + "/set_status/", {{"status", status}},
                      token);
  }

  std::string support_offering_;
};

TEST_F(HelpdeskTest, AnExecutingOrderOpensAnIssueRenderedFromTheOrder) {
  const auto order = NewOrder(owner_.token, support_offering_,
                              {{"attributes", {{"name", "onboarding"}, {"description", "Two hours, please."}}}});
  ASSERT_EQ(Order(order)["state"], "executing");  // no provider review for Support
  const auto issue = IssueOf(order);
  ASSERT_FALSE(issue.is_null());
  EXPECT_EQ(issue["summary"], "Request for Support.OfferingTemplate offering");
  EXPECT_EQ(issue["status"], "new");
  EXPECT_EQ(issue["key"], "SUP-1");
  const std::string description = issue["description"];
  EXPECT_NE(description.find("name: 'onboarding'"), std::string::npos) << description;
  EXPECT_NE(description.find("Two hours, please."), std::string::npos) << description;
  EXPECT_NE(description.find("CPU (cpu): 2"), std::string::npos) << description;
  EXPECT_NE(description.find(order), std::string::npos) << description;
}

TEST_F(HelpdeskTest, ResolvingTheIssueCompletesTheOrder) {
  const auto order = NewOrder(owner_.token, support_offering_);
  const auto issue = IssueOf(order);
  EXPECT_EQ(SetStatus(issue, "in_progress", provider_owner_.token).status, 200);
  EXPECT_EQ(Order(order)["state"], "executing");
  const auto resolved = SetStatus(issue, "resolved", provider_owner_.token);
  ASSERT_EQ(resolved.status, 200) << resolved.text;
  EXPECT_EQ(resolved.body["status"], "resolved");
  EXPECT_EQ(Order(order)["state"], "done");
  EXPECT_EQ(ResourceStateOf(order), "OK");
}

TEST_F(HelpdeskTest, CancelingTheIssueCancelsACreateOrder) {
  const auto order = NewOrder(owner_.token, support_offering_);
  ASSERT_EQ(SetStatus(IssueOf(order), "canceled", staff_token()).status, 200);
  EXPECT_EQ(Order(order)["state"], "canceled");
  EXPECT_EQ(ResourceStateOf(order), "Terminated");
}

TEST_F(HelpdeskTest, CancelingATerminationIssueFailsTheOrderAndKeepsTheResource) {
  const auto create = NewOrder(owner_.token, support_offering_);
  ASSERT_EQ(SetStatus(IssueOf(create), "resolved", staff_token()).status, 200);
  const std::string resource = ResourceUuidOf(create);
  const auto terminate = api().Post("/api/marketplace-resources/" + resource + "/terminate/", json::object(), owner_.token);
  ASSERT_EQ(terminate.status, 200) << terminate.text;
  const std::string order = terminate.body["order_uuid"];
  ASSERT_EQ(Order(order)["state"], "executing");
  const auto issue = IssueOf(order);
  EXPECT_EQ(issue["summary"], "Request to terminate resource vm");
  ASSERT_EQ(SetStatus(issue, "canceled", provider_owner_.token).status, 200);
  EXPECT_EQ(Order(order)["state"], "erred");
  EXPECT_EQ(Resource(resource)["state"], "OK");
}

TEST_F(HelpdeskTest, WhoMayDoWhat) {
  const auto order = NewOrder(owner_.token, support_offering_);
  const auto issue = IssueOf(order);
  const std::string path = "/api/support-issues/" + issue["uuid"].get<std::string>() + "/";
  EXPECT_EQ(SetStatus(issue, "resolved", owner_.token).status, 403);  // the consumer side waits
  EXPECT_EQ(SetStatus(issue, "resolved", support_.token).status, 403);
  EXPECT_EQ(SetStatus(issue, "resolved", stranger_.token).status, 404);
  EXPECT_EQ(SetStatus(issue, "closed", staff_token()).status, 400);
  const auto comment = api().Post(path + "comment/", {{"description", "Any news?"}}, owner_.token);
  ASSERT_EQ(comment.status, 200) << comment.text;
  EXPECT_EQ(comment.body["comments"][0]["author_username"], "owner");
  EXPECT_EQ(api().Post(path + "comment/", {{"description", "x"}}, support_.token).status, 403);
  EXPECT_EQ(api().Post(path + "comment/", {{"description", ""}}, owner_.token).status, 400);
  EXPECT_EQ(api().Get(path, stranger_.token).status, 404);
  EXPECT_EQ(api().Get("/api/support-issues/", stranger_.token).body.size(), 0u);
  EXPECT_EQ(api().Get("/api/support-issues/", member_.token).body.size(), 1u);
  EXPECT_EQ(Order(order)["state"], "executing");
}

// Clarification 1: the order may still be finished by hand.
TEST_F(HelpdeskTest, TheOrderCanStillBeMarkedDoneByHand) {
  const auto order = NewOrder(owner_.token, support_offering_);
  ASSERT_EQ(Act(order, "set_state_done", provider_owner_.token).status, 200);
  const auto issue = IssueOf(order);
  ASSERT_EQ(SetStatus(issue, "resolved", provider_owner_.token).status, 200);  // nothing left to move
  EXPECT_EQ(Order(order)["state"], "done");
}

}  // namespace
}  // namespace orderly::testing
