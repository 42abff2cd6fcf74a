// `orderly serve|worker --config FILE` and `orderly config check FILE`: the file's settings are
// applied, the command line and the ORDERLY_* variables win over it, and every unknown key and
// invalid value is reported with its line.
#include <gtest/gtest.h>
#include <httplib.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "server_process.hpp"

namespace orderly::testing {
namespace {

namespace fs = std::filesystem;

class ConfigFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("ORDERLY_LOG_FORMAT");
    directory_ = fs::temp_directory_path() /
                 ("orderly-config-" + std::to_string(::getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override {
    ::unsetenv("ORDERLY_LOG_FORMAT");
    fs::remove_all(directory_);
  }

  std::string Write(const std::string& name, const std::string& text) {
    const auto path = directory_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  // A file that asks for JSON logs, and names a database and an address the command line of
  // ServerProcess overrides.
  std::string JsonLogConfig() {
    return Write("orderly.toml",
                 "[store]\ndb = \"sqlite:" + (directory_ / "from-file.db").string() +
                     "\"\n\n[http]\nlisten = \"127.0.0.1:1\"\nthreads = 2\n\n"
                     "[processing]\nworkers = 0\n\n[log]\nformat = \"json\"\n");
  }

  // Starts `serve` with `args`, makes one request, stops it; returns the lines of its log.
  std::vector<std::string> ServeAndReadLog(std::vector<std::string> args) {
    ServerProcess server({}, std::move(args));
    const auto log_path = directory_ / "server.log";
    server.CaptureLogTo(log_path);
    server.Start();
    httplib::Client client("127.0.0.1", server.port());
    const auto health = client.Get("/health/");
    EXPECT_TRUE(health && health->status == 200);
    server.Terminate();
    std::vector<std::string> lines;
    std::ifstream in(log_path);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
    return lines;
  }

  static bool AllJson(const std::vector<std::string>& lines) {
    for (const auto& line : lines)
      if (nlohmann::json::parse(line, nullptr, false).is_discarded()) return false;
    return !lines.empty();
  }

  fs::path directory_;
};

TEST_F(ConfigFileTest, ServeAppliesTheFileAndTheCommandLineWinsOverIt) {
  const auto lines = ServeAndReadLog({"--config", JsonLogConfig()});
  EXPECT_TRUE(AllJson(lines)) << "log.format = \"json\" from the file";
  // ServerProcess passes --db and --listen: the file's database and port were not used.
  EXPECT_FALSE(fs::exists(directory_ / "from-file.db"));
}

TEST_F(ConfigFileTest, CommandLineBeatsTheFile) {
  const auto lines = ServeAndReadLog({"--config", JsonLogConfig(), "--log-format", "text"});
  ASSERT_FALSE(lines.empty());
  EXPECT_FALSE(AllJson(lines)) << lines.front();
}

TEST_F(ConfigFileTest, EnvironmentBeatsTheFile) {
  ::setenv("ORDERLY_LOG_FORMAT", "text", 1);
  const auto lines = ServeAndReadLog({"--config", JsonLogConfig()});
  ASSERT_FALSE(lines.empty());
  EXPECT_FALSE(AllJson(lines)) << lines.front();
}

TEST_F(ConfigFileTest, CommandLineBeatsTheEnvironment) {
  ::setenv("ORDERLY_LOG_FORMAT", "text", 1);
  EXPECT_TRUE(AllJson(ServeAndReadLog({"--config", JsonLogConfig(), "--log-format", "json"})));
}

TEST_F(ConfigFileTest, CheckAcceptsAGoodFile) {
  std::string output;
  EXPECT_EQ(RunOrderly({"config", "check", JsonLogConfig()}, &output), 0) << output;
  EXPECT_NE(output.find("ok (5 settings)"), std::string::npos) << output;
}

TEST_F(ConfigFileTest, CheckReportsEveryUnknownKeyAndInvalidValueWithItsLine) {
  const auto path = Write("bad.toml",
                          "[http]\n"                    // 1
                          "lisen = \"127.0.0.1:80\"\n"  // 2: unknown key
                          "threads = 0\n"               // 3: out of range
                          "\n"                          // 4
                          "[processing]\n"              // 5
                          "workers = \"four\"\n"        // 6: not an integer
                          "[log]\n"                     // 7
                          "format = \"xml\"\n"          // 8: not a choice
                          "[cache]\n"                   // 9
                          "size = 3\n");                // 10: unknown section
  std::string output;
  EXPECT_EQ(RunOrderly({"config", "check", path}, &output), 1) << output;
  EXPECT_NE(output.find(path + ":2: unknown key 'http.lisen'"), std::string::npos) << output;
  EXPECT_NE(output.find(path + ":3: invalid value for 'http.threads': expected an integer from 1 "
                               "to 256"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find(path + ":6: invalid value for 'processing.workers'"), std::string::npos)
      << output;
  EXPECT_NE(output.find(path + ":8: invalid value for 'log.format': expected one of \"text\" "
                               "\"json\""),
            std::string::npos)
      << output;
  EXPECT_NE(output.find(path + ":9: unknown key 'cache'"), std::string::npos) << output;
}

TEST_F(ConfigFileTest, CheckReportsASyntaxErrorWithItsLine) {
  const auto path = Write("broken.toml", "[http]\nlisten = \"127.0.0.1:80\n");
  std::string output;
  EXPECT_EQ(RunOrderly({"config", "check", path}, &output), 1) << output;
  EXPECT_NE(output.find(path + ":2:"), std::string::npos) << output;
}

TEST_F(ConfigFileTest, ServeAndWorkerRefuseAFileWithProblems) {
  const auto path = Write("bad.toml", "[log]\nlevel = \"chatty\"\n");
  std::string output;
  EXPECT_EQ(RunOrderly({"serve", "--config", path}, &output), 2) << output;
  EXPECT_NE(output.find(path + ":2: invalid value for 'log.level'"), std::string::npos) << output;
  EXPECT_EQ(RunOrderly({"worker", "--config", path}, &output), 2) << output;
  EXPECT_NE(output.find(path + ":2:"), std::string::npos) << output;
}

TEST_F(ConfigFileTest, WorkerAppliesTheFileThroughItsOwnOptionChecks) {
  // `processing.workers = 0` is fine for serve (no workers) but not for `orderly worker`: the
  // worker read the file and says which line.
  const auto path = Write("zero.toml", "[processing]\nworkers = 0\n");
  std::string output;
  EXPECT_EQ(
      RunOrderly({"worker", "--db", "sqlite:" + (directory_ / "w.db").string(), "--config", path},
                 &output),
      2)
      << output;
  EXPECT_NE(output.find(path + ":2: processing.workers"), std::string::npos) << output;
}

}  // namespace
}  // namespace orderly::testing

namespace orderly::testing {
namespace {

// Workers run the periodic jobs, stuck-resource flagging included, so they take the same
// background options as serve, from the command line and from the file.
TEST(WorkerOptions, TakeEveryBackgroundOptionOfServe) {
  std::string serve_help;
  std::string worker_help;
  ASSERT_EQ(RunOrderly({"serve", "--help"}, &serve_help), 0);
  ASSERT_EQ(RunOrderly({"worker", "--help"}, &worker_help), 0);
  for (const char* option : {"--periodic-interval", "--script-timeout", "--execution-timeout",
                             "--stuck-after", "--lease-seconds", "--script-runs-dir",
                             "--public-url", "--remote-timeout", "--log-level", "--log-format"}) {
    EXPECT_NE(serve_help.find(option), std::string::npos) << "serve lacks " << option;
    EXPECT_NE(worker_help.find(option), std::string::npos) << "worker lacks " << option;
  }
}

}  // namespace
}  // namespace orderly::testing
