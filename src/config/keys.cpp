#include "config/keys.hpp"

#include <algorithm>

namespace orderly::config {
namespace {

constexpr std::uint8_t Bit(Command command) { return static_cast<std::uint8_t>(command); }

constexpr std::uint8_t kServe = Bit(Command::kServe);
constexpr std::uint8_t kWorker = Bit(Command::kWorker);
constexpr std::uint8_t kBackground = kServe | kWorker;
constexpr std::uint8_t kStore = kBackground | Bit(Command::kCreateStaffUser) | Bit(Command::kDemo);
constexpr std::uint8_t kAgent = Bit(Command::kAgent);
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kMonth = 30 * kDay;

Key Text(std::string_view path, std::string_view option, std::string_view env,
         std::string_view default_value, std::uint8_t commands) {
  return {.path = path,
          .option = option,
          .env = env,
          .default_value = default_value,
          .commands = commands};
}

Key Integer(std::string_view path, std::string_view option, std::int64_t min, std::int64_t max,
            std::string_view default_value, std::uint8_t commands) {
  return {.path = path,
          .option = option,
          .kind = ValueKind::kInteger,
          .min = min,
          .max = max,
          .default_value = default_value,
          .commands = commands};
}

Key Choice(std::string_view path, std::string_view option, std::string_view env,
           std::vector<std::string_view> choices, std::string_view default_value) {
  return {.path = path,
          .option = option,
          .env = env,
          .kind = ValueKind::kChoice,
          .choices = std::move(choices),
          .default_value = default_value,
          .commands = kBackground};
}

const std::vector<Key>& Table() {
  static const std::vector<Key> table{
      Text("store.db", "--db", "ORDERLY_DB", "sqlite:orderly.db", kStore),
      Text("http.listen", "--listen", "ORDERLY_LISTEN", "127.0.0.1:8080", kServe),
      Integer("http.threads", "--threads", 1, 256, "4", kServe),
      Integer("http.read_timeout", "--read-timeout", 1, 3600, "30", kServe),
      Integer("http.max_connections", "--max-connections", 1, 1000000, "10000", kServe),
      Text("http.web_root", "--web-root", "", "", kServe),
      Text("http.public_url", "--public-url", "ORDERLY_PUBLIC_URL", "", kBackground),
      Integer("processing.workers", "--workers", 0, 64, "1", kServe),
      Integer("processing.workers", "--workers", 1, 64, "4", kWorker),
      Integer("processing.periodic_interval", "--periodic-interval", 1, kDay, "60", kBackground),
      Integer("processing.script_timeout", "--script-timeout", 1, kDay, "1800", kBackground),
      Integer("processing.execution_timeout", "--execution-timeout", 1, kMonth, "7200",
              kBackground),
      Integer("processing.stuck_after", "--stuck-after", 1, kMonth, "3600", kBackground),
      Integer("processing.lease_seconds", "--lease-seconds", 3, 3600, "15", kBackground),
      Text("processing.script_runs_dir", "--script-runs-dir", "", "", kBackground),
      Integer("processing.remote_timeout", "--remote-timeout", 1, 600, "10", kBackground),
      Choice("log.level", "--log-level", "ORDERLY_LOG_LEVEL",
             {"trace", "debug", "info", "warn", "error", "critical", "off"}, "info"),
      Choice("log.format", "--log-format", "ORDERLY_LOG_FORMAT", {"text", "json"}, "text"),
      Text("agent.api_url", "--api-url", "ORDERLY_AGENT_API_URL", "http://127.0.0.1:8080", kAgent),
      Text("agent.token", "--token", "ORDERLY_AGENT_TOKEN", "", kAgent),
      Text("agent.offering", "--offering", "ORDERLY_AGENT_OFFERING", "", kAgent),
      Text("agent.create_command", "--create-command", "", "", kAgent),
      Text("agent.update_command", "--update-command", "", "", kAgent),
      Text("agent.terminate_command", "--terminate-command", "", "", kAgent),
      Text("agent.review_command", "--review-command", "", "", kAgent),
      Integer("agent.command_timeout", "--command-timeout", 1, kDay, "1800", kAgent),
      Integer("agent.api_timeout", "--api-timeout", 1, 3600, "30", kAgent),
      Integer("agent.period", "--period", 1, kDay, "300", kAgent),
      Text("agent.state_dir", "--state-dir", "", "", kAgent),
  };
  return table;
}

template <typename Matches>
const Key* Find(Command command, Matches matches) {
  const auto& table = Table();
  const auto found = std::find_if(table.begin(), table.end(), [&](const Key& key) {
    return matches(key) && TakenBy(key, command);
  });
  return found == table.end() ? nullptr : &*found;
}

}  // namespace

std::span<const Key> Keys() { return Table(); }

const Key* FindKey(std::string_view path, Command command) {
  return Find(command, [&](const Key& key) { return key.path == path; });
}

const Key* FindOption(std::string_view option, Command command) {
  return Find(command, [&](const Key& key) { return key.option == option; });
}

bool IsKnownPath(std::string_view path) {
  const auto& table = Table();
  return std::any_of(table.begin(), table.end(), [&](const Key& key) { return key.path == path; });
}

bool TakenBy(const Key& key, Command command) { return (key.commands & Bit(command)) != 0; }

std::string_view CommandName(Command command) {
  switch (command) {
    case Command::kServe: return "orderly serve";
    case Command::kWorker: return "orderly worker";
    case Command::kCreateStaffUser: return "orderly createstaffuser";
    case Command::kDemo: return "orderly demo";
    case Command::kAgent: return "orderly-agent";
  }
  return "orderly";
}

}  // namespace orderly::config
