// orderly-agent, the reference site agent, against a real server: it approves and carries out the
// orders of one Marketplace.Slurm offering with shell commands (spec processing.md §12.2).
#include <stdlib.h>

#include <fstream>
#include <sstream>

#include "scenario_fixture.hpp"

namespace orderly::testing {
namespace {

class SiteAgentTest : public ScenarioTest {
 protected:
  void SetUp() override {
    ScenarioTest::SetUp();
    if (HasFatalFailure()) return;
    slurm_ = ActiveOffering("Marketplace.Slurm");
    log_ = server().directory() / "backend.log";
  }

  // Runs one cycle of the agent as the provider owner; returns its exit code.
  int RunAgent(std::vector<std::string> extra) {
    std::vector<std::string> argv = {ORDERLY_AGENT_PATH,
                                     "--api-url",
                                     "http://127.0.0.1:" + std::to_string(server().port()),
                                     "--token",
                                     provider_owner_.token,
                                     "--offering",
                                     slurm_,
                                     "--state-dir",
                                     (server().directory() / "agent-state").string(),
                                     "--once"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const int status = RunProgram(argv, &agent_output_);
    return status;
  }

  // A command that appends its order's type and uuid to the backend log, then prints `last`.
  std::string Recording(const std::string& last) const {
    return "echo \"$ORDER_TYPE $ORDER_UUID $RESOURCE_NAME $LIMITS\" >> " + log_.string() +
           "; echo " + last;
  }

  std::vector<std::string> BackendLog() const {
    std::ifstream in(log_);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  std::string slurm_;
  std::filesystem::path log_;
  std::string agent_output_;
};

TEST_F(SiteAgentTest, ApprovesCreatesSetsTheBackendIdAndMarksDone) {
  const std::string order = NewOrder(owner_.token, slurm_);
  ASSERT_EQ(Order(order)["state"], "pending-provider");

  ASSERT_EQ(RunAgent({"--create-command", Recording("alloc-$RESOURCE_NAME")}), 0) << agent_output_;

  const auto finished = Order(order);
  EXPECT_EQ(finished["state"], "done") << agent_output_;
  const auto resource = Resource(finished["marketplace_resource_uuid"]);
  EXPECT_EQ(resource["state"], "OK");
  EXPECT_EQ(resource["backend_id"], "alloc-" + resource["name"].get<std::string>());
  const auto log = BackendLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].rfind("Create " + order, 0), 0u) << log[0];
  EXPECT_NE(log[0].find(R"("cpu":2)"), std::string::npos) << log[0];

  // Nothing left to do: a second cycle runs no command.
  ASSERT_EQ(RunAgent({"--create-command", Recording("again")}), 0) << agent_output_;
  EXPECT_EQ(BackendLog().size(), 1u);
  EXPECT_EQ(Resource(finished["marketplace_resource_uuid"])["backend_id"], resource["backend_id"]);
}

TEST_F(SiteAgentTest, FailingCommandErrsTheOrderWithTheBackendsMessage) {
  const std::string order = NewOrder(owner_.token, slurm_);
  ASSERT_EQ(RunAgent({"--create-command", "echo 'sacctmgr: account already exists' >&2; exit 3"}),
            0)
      << agent_output_;

  const auto erred = Order(order);
  EXPECT_EQ(erred["state"], "erred");
  EXPECT_EQ(erred["error_message"], "sacctmgr: account already exists");
  EXPECT_NE(erred["error_traceback"].get<std::string>().find("exited with status 3"),
            std::string::npos)
      << erred["error_traceback"];
  // set_state_erred on a Create whose resource never got a backend_id: nothing exists on the
  // backend, so the resource ends Terminated (domain.md §4.2).
  EXPECT_EQ(Resource(erred["marketplace_resource_uuid"])["state"], "Terminated");

  // Retried by the provider: the agent carries it out on its next cycle.
  ASSERT_EQ(Act(order, "retry", provider_owner_.token).status, 200);
  ASSERT_EQ(RunAgent({"--create-command", Recording("alloc-2")}), 0) << agent_output_;
  EXPECT_EQ(Order(order)["state"], "done");
  EXPECT_EQ(Resource(erred["marketplace_resource_uuid"])["backend_id"], "alloc-2");
}

TEST_F(SiteAgentTest, HangingCommandIsKilledAndErrsTheOrder) {
  const std::string order = NewOrder(owner_.token, slurm_);
  ASSERT_EQ(RunAgent({"--create-command", "sleep 30", "--command-timeout", "1"}), 0)
      << agent_output_;
  const auto erred = Order(order);
  EXPECT_EQ(erred["state"], "erred");
  EXPECT_EQ(erred["error_message"], "Backend command timed out after 1 s.");
}

TEST_F(SiteAgentTest, TerminateRunsTheTerminateCommandWithTheBackendId) {
  const std::string create = NewOrder(owner_.token, slurm_);
  ASSERT_EQ(RunAgent({"--create-command", "echo alloc-7"}), 0) << agent_output_;
  const std::string resource = ResourceUuidOf(create);
  ASSERT_EQ(Resource(resource)["state"], "OK");

  const auto terminate =
      ActOnResource("marketplace-resources", resource, "terminate", owner_.token);
  ASSERT_EQ(terminate.status, 200) << terminate.text;
  const std::string command = "echo \"$ORDER_TYPE $RESOURCE_BACKEND_ID\" >> " + log_.string();
  ASSERT_EQ(RunAgent({"--terminate-command", command}), 0) << agent_output_;

  EXPECT_EQ(Resource(resource)["state"], "Terminated");
  EXPECT_EQ(BackendLog(), std::vector<std::string>{"Terminate alloc-7"});
}

TEST_F(SiteAgentTest, ReviewCommandRejectsWithItsLastLineAsTheComment) {
  const std::string order = NewOrder(owner_.token, slurm_);
  ASSERT_EQ(RunAgent({"--review-command", "echo checking; echo 'no capacity left'; exit 1",
                      "--create-command", Recording("never")}),
            0)
      << agent_output_;
  const auto rejected = Order(order);
  EXPECT_EQ(rejected["state"], "rejected");
  EXPECT_EQ(rejected["provider_rejection_comment"], "no capacity left");
  EXPECT_TRUE(BackendLog().empty());
}

TEST_F(SiteAgentTest, ReviewCommandThatWaitsLeavesTheOrderPending) {
  const std::string order = NewOrder(owner_.token, slurm_);
  ASSERT_EQ(RunAgent({"--review-command", "exit 2"}), 0) << agent_output_;
  EXPECT_EQ(Order(order)["state"], "pending-provider");
}

TEST_F(SiteAgentTest, UserWithoutRightsOnTheOfferingChangesNothing) {
  const std::string order = NewOrder(owner_.token, slurm_);
  std::vector<std::string> argv = {ORDERLY_AGENT_PATH,
                                   "--api-url",
                                   "http://127.0.0.1:" + std::to_string(server().port()),
                                   "--token",
                                   stranger_.token,
                                   "--offering",
                                   slurm_,
                                   "--state-dir",
                                   (server().directory() / "agent-state").string(),
                                   "--once"};
  RunProgram(argv, &agent_output_);
  EXPECT_EQ(Order(order)["state"], "pending-provider");  // the stranger does not even see it
}

TEST_F(SiteAgentTest, UnreachableServerIsReportedAndNothingRuns) {
  std::vector<std::string> argv = {ORDERLY_AGENT_PATH,
                                   "--api-url",
                                   "http://127.0.0.1:1",
                                   "--token",
                                   "x",
                                   "--offering",
                                   slurm_,
                                   "--api-timeout",
                                   "2",
                                   "--once",
                                   "--create-command",
                                   Recording("never")};
  EXPECT_EQ(RunProgram(argv, &agent_output_), 1) << agent_output_;
  EXPECT_NE(agent_output_.find("cannot list orders"), std::string::npos) << agent_output_;
  EXPECT_TRUE(BackendLog().empty());
}

TEST_F(SiteAgentTest, MissingTokenIsAUsageError) {
  std::vector<std::string> argv = {ORDERLY_AGENT_PATH, "--offering", slurm_, "--once"};
  EXPECT_EQ(RunProgram(argv, &agent_output_), 2) << agent_output_;
}

// The agent takes its settings from a configuration file ([agent] section, the same file and key
// table as orderly's), with the command line and ORDERLY_AGENT_* variables winning over it.
class SiteAgentConfigTest : public SiteAgentTest {
 protected:
  void TearDown() override {
    ::unsetenv("ORDERLY_AGENT_TOKEN");
    SiteAgentTest::TearDown();
  }

  // A shared file: orderly's own sections beside the agent's, which the agent skips.
  std::string ConfigFile(const std::string& extra = {}) {
    const auto path = server().directory() / "orderly.toml";
    std::ofstream(path) << "[store]\ndb = \"sqlite:/nonexistent/orderly.db\"\n"
                        << "[log]\nformat = \"json\"\n"
                        << "[agent]\napi_url = \"http://127.0.0.1:" << server().port() << "\"\n"
                        << "token = \"" << provider_owner_.token << "\"\n"
                        << "offering = \"" << slurm_ << "\"\n"
                        << "state_dir = \"" << (server().directory() / "agent-state").string()
                        << "\"\n"
                        << "create_command = \"echo from-file\"\n"
                        << extra;
    return path.string();
  }

  int RunAgentWithConfig(std::vector<std::string> extra) {
    std::vector<std::string> argv = {ORDERLY_AGENT_PATH, "--once"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return RunProgram(argv, &agent_output_);
  }
};

TEST_F(SiteAgentConfigTest, TakesEverySettingFromTheFile) {
  const std::string order = NewOrder(owner_.token, slurm_);
  ASSERT_EQ(RunAgentWithConfig({"--config", ConfigFile()}), 0) << agent_output_;
  const auto finished = Order(order);
  EXPECT_EQ(finished["state"], "done") << agent_output_;
  EXPECT_EQ(Resource(finished["marketplace_resource_uuid"])["backend_id"], "from-file");
}

TEST_F(SiteAgentConfigTest, CommandLineBeatsTheFile) {
  const std::string order = NewOrder(owner_.token, slurm_);
  ASSERT_EQ(RunAgentWithConfig({"--config", ConfigFile(), "--create-command", "echo from-cli"}), 0)
      << agent_output_;
  EXPECT_EQ(Resource(Order(order)["marketplace_resource_uuid"])["backend_id"], "from-cli");
}

TEST_F(SiteAgentConfigTest, EnvironmentBeatsTheFile) {
  const std::string order = NewOrder(owner_.token, slurm_);
  ::setenv("ORDERLY_AGENT_TOKEN", "0000000000000000000000000000000000000000", 1);
  EXPECT_EQ(RunAgentWithConfig({"--config", ConfigFile()}), 1) << agent_output_;
  EXPECT_EQ(Order(order)["state"], "pending-provider") << "the wrong token from the environment";
}

TEST_F(SiteAgentConfigTest, FileWithProblemsIsAUsageErrorNamingTheLine) {
  const std::string path = ConfigFile("period = 0\n");
  EXPECT_EQ(RunAgentWithConfig({"--config", path}), 2) << agent_output_;
  EXPECT_NE(agent_output_.find(path + ":11: invalid value for 'agent.period'"), std::string::npos)
      << agent_output_;
}

TEST_F(SiteAgentConfigTest, MissingOfferingIsAUsageError) {
  EXPECT_EQ(RunAgentWithConfig({"--token", provider_owner_.token}), 2) << agent_output_;
  EXPECT_NE(agent_output_.find("no offering"), std::string::npos) << agent_output_;
}

}  // namespace
}  // namespace orderly::testing
