#include <gtest/gtest.h>
#include <sodium.h>

#include <chrono>

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

TEST(ScriptRunnerTest, RunsWithOnlyTheGivenEnvironmentInItsOwnDirectory) {
  const auto outcome = RunScript({.interpreter = "/bin/sh",
                                  .body = "echo \"$GREETING\"; echo \"home=${HOME:-unset}\"; ls; pwd",
                                  .environment = {{"GREETING", "hi there"}},
                                  .timeout = std::chrono::seconds(10)});
  ASSERT_TRUE(outcome.started);
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_NE(outcome.output.find("hi there\n"), std::string::npos);
  EXPECT_NE(outcome.output.find("home=unset"), std::string::npos) << "the server's environment leaked";
  EXPECT_NE(outcome.output.find("script\n"), std::string::npos);
  EXPECT_NE(outcome.output.find("orderly-script-"), std::string::npos);
}

TEST(ScriptRunnerTest, CapturesStderrAndTheExitCode) {
  const auto outcome = RunScript({.interpreter = "/bin/sh", .body = "echo oops >&2; exit 7",
                                  .environment = {}, .timeout = std::chrono::seconds(10)});
  EXPECT_EQ(outcome.exit_code, 7);
  EXPECT_EQ(outcome.output, "oops\n");
}

TEST(ScriptRunnerTest, TimeOutKillsTheWholeProcessGroup) {
  const auto started = std::chrono::steady_clock::now();
  // The background sleep keeps the pipe open: only killing the group ends the read.
  const auto outcome = RunScript({.interpreter = "/bin/sh", .body = "sleep 30 & sleep 30; echo never",
                                  .environment = {}, .timeout = std::chrono::seconds(1)});
  EXPECT_TRUE(outcome.timed_out);
  EXPECT_EQ(outcome.output.find("never"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST(ScriptRunnerTest, MissingInterpreterIsReported) {
  const auto outcome = RunScript({.interpreter = "/nonexistent/sh", .body = "true", .environment = {},
                                  .timeout = std::chrono::seconds(10)});
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
  ScriptProcessor processor(10);
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
