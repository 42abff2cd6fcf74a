#include <gtest/gtest.h>
#include <sodium.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdlib.h>

#include "domain/error.hpp"
#include "processing/script/script_processor.hpp"
#include "processing/script/script_runner.hpp"

namespace orderly::processing::script {
namespace {

std::string Base64(const std::string& text) {
  std::string encoded(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.size() - 1);
  return encoded;
}

class ScriptRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "orderly-runner-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  ScriptRun Run(std::string body, int timeout = 10) {
    return {.interpreter = "/bin/sh", .body = std::move(body), .environment = {},
            .timeout = std::chrono::seconds(timeout), .directory = root_ / "job-1"};
  }
  std::filesystem::path root_;
};

TEST_F(ScriptRunnerTest, RunsWithOnlyTheGivenEnvironmentInItsOwnDirectory) {
  auto run = Run("echo \"$GREETING\"; echo \"home=${HOME:-unset}\"; ls; pwd");
  run.environment = {{"GREETING", "hi there"}};
  const auto outcome = RunScript(run);
  ASSERT_TRUE(outcome.started);
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_FALSE(outcome.recovered);
  EXPECT_NE(outcome.output.find("hi there\n"), std::string::npos);
  EXPECT_NE(outcome.output.find("home=unset"), std::string::npos) << "the server's environment leaked";
  EXPECT_NE(outcome.output.find("script\n"), std::string::npos);
  EXPECT_NE(outcome.output.find("job-1"), std::string::npos);
}

// A run that already completed (under a server that then crashed) is read, not repeated.
TEST_F(ScriptRunnerTest, ACompletedRunIsNeverRepeated) {
  const auto counter = root_ / "count";
  const auto first = RunScript(Run("echo once >> " + counter.string() + "; echo first"));
  ASSERT_EQ(first.exit_code, 0);
  const auto again = RunScript(Run("echo once >> " + counter.string() + "; echo second"));
  EXPECT_TRUE(again.recovered);
  EXPECT_EQ(again.output, "first\n");
  std::ifstream lines(counter);
  std::string content((std::istreambuf_iterator<char>(lines)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "once\n");
  ForgetScriptRun(root_ / "job-1");
  EXPECT_FALSE(RunScript(Run("echo third")).recovered);
}

TEST_F(ScriptRunnerTest, CapturesStderrAndTheExitCode) {
  const auto outcome = RunScript(Run("echo oops >&2; exit 7"));
  EXPECT_EQ(outcome.exit_code, 7);
  EXPECT_EQ(outcome.output, "oops\n");
}

TEST_F(ScriptRunnerTest, TimeOutKillsTheWholeProcessGroup) {
  const auto started = std::chrono::steady_clock::now();
  const auto outcome = RunScript(Run("sleep 30 & sleep 30; echo never", 1));
  EXPECT_TRUE(outcome.timed_out);
  EXPECT_EQ(outcome.output.find("never"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST_F(ScriptRunnerTest, MissingInterpreterIsReported) {
  auto run = Run("true");
  run.interpreter = "/nonexistent/sh";
  const auto outcome = RunScript(run);
  EXPECT_EQ(outcome.exit_code, 127);
  EXPECT_NE(outcome.output.find("cannot start"), std::string::npos);
}

TEST(CreateOutputTest, OneTokenIsTheBackendId) {
  service::ProcessingResult result{.succeeded = true};
  ParseCreateOutput("log line\nvm-42\n", result);
  EXPECT_TRUE(result.succeeded);
  EXPECT_EQ(result.backend_id, "vm-42");
}

TEST(CreateOutputTest, TwoTokensCarryBase64Metadata) {
  service::ProcessingResult result{.succeeded = true};
  ParseCreateOutput("vm-42 " + Base64(R"({"backend_metadata": {"ip": "10.1.1.1"}, "endpoints": [{"name": "ssh", "url": "ssh://x"}]})"),
                    result);
  EXPECT_TRUE(result.succeeded);
  EXPECT_EQ(result.backend_id, "vm-42");
  EXPECT_EQ(result.backend_metadata->at("ip"), "10.1.1.1");
  EXPECT_EQ(result.backend_metadata->at("endpoints")[0]["name"], "ssh");
}

TEST(CreateOutputTest, EmptyOutputSucceedsWithoutBackendId) {
  service::ProcessingResult result{.succeeded = true};
  ParseCreateOutput("\n", result);
  EXPECT_TRUE(result.succeeded);
  EXPECT_FALSE(result.backend_id);
}

TEST(CreateOutputTest, MalformedLastLinesFail) {
  for (const std::string& output :
       std::vector<std::string>{"a b c", "null " + Base64("{}"), "vm-1 !!!notbase64", "vm-1 " + Base64("[1]")}) {
    service::ProcessingResult result{.succeeded = true};
    ParseCreateOutput(output, result);
    EXPECT_FALSE(result.succeeded) << output;
    EXPECT_FALSE(result.error_message.empty()) << output;
  }
  service::ProcessingResult null_id{.succeeded = true};
  ParseCreateOutput("null " + Base64("{}"), null_id);
  EXPECT_EQ(null_id.error_message, "Backend id returned as null, will not proceed.");
  service::ProcessingResult three{.succeeded = true};
  ParseCreateOutput("a b c", three);
  EXPECT_EQ(three.error_message, "Unexpected structure of output");
}

TEST(ScriptValidationTest, RefusesOrdersItCannotRun) {
  ScriptProcessor processor(10, std::filesystem::temp_directory_path());
  domain::Offering offering{.type = domain::OfferingType::kScript};
  offering.secret_options = {{"language", "shell"}, {"create", "echo hi"}};
  EXPECT_NO_THROW(processor.Validate(offering, domain::OrderType::kCreate));
  EXPECT_THROW(processor.Validate(offering, domain::OrderType::kTerminate), orderly::Error);
  offering.secret_options["language"] = "cobol";
  EXPECT_THROW(processor.Validate(offering, domain::OrderType::kCreate), orderly::Error);
  offering.secret_options = {{"language", "python"}, {"create", std::string((1 << 20) + 1, '#')}};
  EXPECT_THROW(processor.Validate(offering, domain::OrderType::kCreate), orderly::Error);
}

}  // namespace
}  // namespace orderly::processing::script
