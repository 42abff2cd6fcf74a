// `orderly serve|worker|createstaffuser|demo --config FILE` and `orderly config check FILE`: the
// file's settings are applied, the command line and the ORDERLY_* variables win over it, every
// unknown key and invalid value is reported with its line, and the settings table is the one
// source of every option's range, default and variable.
#include <gtest/gtest.h>
#include <httplib.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "config/keys.hpp"
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

namespace orderly::testing {
namespace {

namespace fs = std::filesystem;

fs::path TestDirectory(const std::string& name) {
  const auto directory =
      fs::temp_directory_path() / ("orderly-config-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(directory);
  fs::create_directories(directory);
  return directory;
}

// createstaffuser and demo take --config too: their one setting is the database.
TEST(ConfigFileOfTools, CreateStaffUserAndDemoTakeTheDatabaseFromTheFile) {
  const auto directory = TestDirectory("tools");
  const auto db = directory / "from-file.db";
  const auto path = directory / "orderly.toml";
  std::ofstream(path) << "[store]\ndb = \"sqlite:" << db.string()
                      << "\"\n[http]\nthreads = 2\n[agent]\nperiod = 60\n";
  std::string output;
  ASSERT_EQ(RunOrderly({"createstaffuser", "--config", path.string(), "--username", "root",
                        "--password", "correct-horse"},
                       &output),
            0)
      << output;
  EXPECT_TRUE(fs::exists(db)) << output;
  EXPECT_NE(output.find("staff user root"), std::string::npos) << output;
  ASSERT_EQ(RunOrderly({"demo", "--config", path.string()}, &output), 0) << output;
  EXPECT_NE(output.find(db.string()), std::string::npos) << "the demo names its database";

  // The command line still wins over the file.
  const auto other = directory / "from-command-line.db";
  ASSERT_EQ(
      RunOrderly({"demo", "--config", path.string(), "--db", "sqlite:" + other.string()}, &output),
      0)
      << output;
  EXPECT_TRUE(fs::exists(other)) << output;
  fs::remove_all(directory);
}

TEST(ConfigFileOfTools, CheckKnowsTheAgentsKeys) {
  const auto directory = TestDirectory("agent-keys");
  const auto good = directory / "good.toml";
  std::ofstream(good) << "[agent]\napi_url = \"http://127.0.0.1:8080\"\noffering = \"abc\"\n"
                         "create_command = \"sacctmgr -i add account $RESOURCE_NAME\"\n"
                         "period = 60\n";
  std::string output;
  EXPECT_EQ(RunOrderly({"config", "check", good.string()}, &output), 0) << output;
  const auto bad = directory / "bad.toml";
  std::ofstream(bad) << "[agent]\nperiod = 0\noffering = 5\ncolour = \"blue\"\n";
  EXPECT_EQ(RunOrderly({"config", "check", bad.string()}, &output), 1) << output;
  EXPECT_NE(output.find(bad.string() + ":2: invalid value for 'agent.period': expected an "
                                       "integer from 1 to 86400"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find(bad.string() + ":3: invalid value for 'agent.offering'"), std::string::npos)
      << output;
  EXPECT_NE(output.find(bad.string() + ":4: unknown key 'agent.colour'"), std::string::npos)
      << output;
  fs::remove_all(directory);
}

// src/config/keys.cpp is the one source of every option's range, default and variable: the
// command line registers options through it, and the file loader checks values against it. These
// two tests walk the table against what each command shows in --help and what `config check`
// accepts, so an option registered or checked any other way shows up as a difference.
std::string HelpOf(config::Command command) {
  std::string output;
  int status = 0;
  switch (command) {
    case config::Command::kServe: status = RunOrderly({"serve", "--help"}, &output); break;
    case config::Command::kWorker: status = RunOrderly({"worker", "--help"}, &output); break;
    case config::Command::kCreateStaffUser:
      status = RunOrderly({"createstaffuser", "--help"}, &output);
      break;
    case config::Command::kDemo: status = RunOrderly({"demo", "--help"}, &output); break;
    case config::Command::kAgent: status = RunProgram({ORDERLY_AGENT_PATH, "--help"}, &output);
  }
  EXPECT_EQ(status, 0) << output;
  return output;
}

constexpr config::Command kCommands[] = {config::Command::kServe, config::Command::kWorker,
                                         config::Command::kCreateStaffUser, config::Command::kDemo,
                                         config::Command::kAgent};

TEST(SettingsTable, EveryCommandsHelpShowsTheTablesRangesDefaultsAndVariables) {
  // Options that name what one run works on rather than a setting: never in a file.
  const std::set<std::string> per_run = {"--help", "--config", "--username", "--password",
                                         "--once"};
  const std::regex option_line(R"(^\s+(--[a-z-]+)(.*)$)");
  for (const auto command : kCommands) {
    const std::string help = HelpOf(command);
    std::map<std::string, std::string> lines;  // option -> the rest of its help line
    std::istringstream in(help);
    for (std::string line; std::getline(in, line);) {
      std::smatch match;
      if (std::regex_match(line, match, option_line)) lines[match[1]] = match[2];
    }
    for (const config::Key& key : config::Keys()) {
      if (!config::TakenBy(key, command)) continue;
      SCOPED_TRACE(std::string(config::CommandName(command)) + " " + std::string(key.option));
      const auto found = lines.find(std::string(key.option));
      ASSERT_NE(found, lines.end()) << help;
      const std::string& text = found->second;
      if (key.kind == config::ValueKind::kInteger) {
        EXPECT_NE(
            text.find("in [" + std::to_string(key.min) + " - " + std::to_string(key.max) + "]"),
            std::string::npos)
            << text;
      }
      if (!key.default_value.empty()) {
        EXPECT_NE(text.find("=" + std::string(key.default_value)), std::string::npos) << text;
      }
      if (!key.env.empty()) {
        EXPECT_NE(text.find("(Env:" + std::string(key.env) + ")"), std::string::npos) << text;
      }
    }
    for (const auto& [option, text] : lines) {
      if (per_run.count(option) > 0) continue;
      EXPECT_NE(config::FindOption(option, command), nullptr)
          << config::CommandName(command) << " takes " << option
          << " but the settings table (src/config/keys.cpp) does not list it";
    }
  }
}

TEST(SettingsTable, ConfigCheckAcceptsEachRangesEndsAndRefusesBeyondThem) {
  const auto directory = TestDirectory("ranges");
  // The widest range of each integer key over the commands that take it.
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> ranges;
  for (const config::Key& key : config::Keys()) {
    if (key.kind != config::ValueKind::kInteger) continue;
    const std::string path(key.path);
    auto [entry, fresh] = ranges.try_emplace(path, key.min, key.max);
    if (!fresh) {
      entry->second.first = std::min(entry->second.first, key.min);
      entry->second.second = std::max(entry->second.second, key.max);
    }
  }
  ASSERT_FALSE(ranges.empty());
  const auto file_with = [&](const std::string& name, bool inside, bool low) {
    // `ranges` is ordered by path, so each section's keys come together under one header.
    std::ostringstream text;
    std::string section;
    for (const auto& [path, range] : ranges) {
      const auto dot = path.find('.');
      const std::int64_t value = low ? (inside ? range.first : range.first - 1)
                                     : (inside ? range.second : range.second + 1);
      if (path.substr(0, dot) != section) {
        section = path.substr(0, dot);
        text << "[" << section << "]\n";
      }
      text << path.substr(dot + 1) << " = " << value << "\n";
    }
    const auto file = directory / name;
    std::ofstream(file) << text.str();
    return file.string();
  };
  std::string output;
  EXPECT_EQ(RunOrderly({"config", "check", file_with("low.toml", true, true)}, &output), 0)
      << output;
  EXPECT_EQ(RunOrderly({"config", "check", file_with("high.toml", true, false)}, &output), 0)
      << output;
  for (const bool low : {true, false}) {
    EXPECT_EQ(RunOrderly({"config", "check", file_with("out.toml", false, low)}, &output), 1);
    for (const auto& [path, range] : ranges) {
      EXPECT_NE(output.find("invalid value for '" + path + "'"), std::string::npos)
          << path << (low ? " below " : " above ") << "its range\n"
          << output;
    }
  }
  fs::remove_all(directory);
}

}  // namespace
}  // namespace orderly::testing

namespace orderly::testing {
namespace {

// The shipped configuration documents every key: with its commented-out examples uncommented,
// `config check` accepts it and counts one setting per key of the table.
TEST(SettingsTable, TheDefaultConfigurationDocumentsEveryKey) {
  std::ifstream in(std::string(ORDERLY_SOURCE_DIR) + "/packaging/orderly.toml");
  ASSERT_TRUE(in) << "packaging/orderly.toml";
  const std::regex example(R"(^#\s*(\[[a-z_]+\]|[a-z_]+\s*=.*)$)");
  std::ostringstream uncommented;
  for (std::string line; std::getline(in, line);) {
    std::smatch match;
    uncommented << (std::regex_match(line, match, example) ? match[1].str() : line) << "\n";
  }
  const auto directory = TestDirectory("documented");
  const auto path = directory / "all.toml";
  std::ofstream(path) << uncommented.str();
  std::set<std::string_view> paths;
  for (const config::Key& key : config::Keys()) paths.insert(key.path);
  std::string output;
  EXPECT_EQ(RunOrderly({"config", "check", path.string()}, &output), 0) << output;
  EXPECT_NE(output.find("ok (" + std::to_string(paths.size()) + " settings)"), std::string::npos)
      << output << uncommented.str();
  fs::remove_all(directory);
}

}  // namespace
}  // namespace orderly::testing
