#include "config/keys.hpp"

#include <algorithm>

namespace orderly::config {
namespace {

constexpr std::uint8_t kServe = static_cast<std::uint8_t>(Command::kServe);
constexpr std::uint8_t kWorker = static_cast<std::uint8_t>(Command::kWorker);
constexpr std::uint8_t kBoth = kServe | kWorker;
constexpr std::int64_t kMonth = 30 * 86400;

Key Text(std::string_view path, std::string_view option, std::string_view env,
         std::uint8_t commands) {
  return {.path = path, .option = option, .env = env, .commands = commands};
}

Key Integer(std::string_view path, std::string_view option, std::int64_t min, std::int64_t max,
            std::uint8_t commands) {
  return {.path = path,
          .option = option,
          .kind = ValueKind::kInteger,
          .min = min,
          .max = max,
          .commands = commands};
}

Key Choice(std::string_view path, std::string_view option, std::string_view env,
           std::vector<std::string_view> choices) {
  return {.path = path,
          .option = option,
          .env = env,
          .kind = ValueKind::kChoice,
          .choices = std::move(choices),
          .commands = kBoth};
}

// The ranges are those of the command line (src/main.cpp); `processing.workers` takes the wider
// range of `serve` (0 = no workers), and `orderly worker` refuses 0 when it starts.
const std::vector<Key>& Table() {
  static const std::vector<Key> table{
      Text("store.db", "--db", "ORDERLY_DB", kBoth),
      Text("http.listen", "--listen", "ORDERLY_LISTEN", kServe),
      Integer("http.threads", "--threads", 1, 256, kServe),
      Text("http.web_root", "--web-root", "", kServe),
      Text("http.public_url", "--public-url", "ORDERLY_PUBLIC_URL", kBoth),
      Integer("processing.workers", "--workers", 0, 64, kBoth),
      Integer("processing.periodic_interval", "--periodic-interval", 1, 86400, kBoth),
      Integer("processing.script_timeout", "--script-timeout", 1, 86400, kBoth),
      Integer("processing.execution_timeout", "--execution-timeout", 1, kMonth, kBoth),
      Integer("processing.stuck_after", "--stuck-after", 1, kMonth, kBoth),
      Integer("processing.lease_seconds", "--lease-seconds", 3, 3600, kBoth),
      Text("processing.script_runs_dir", "--script-runs-dir", "", kBoth),
      Integer("processing.remote_timeout", "--remote-timeout", 1, 600, kBoth),
      Choice("log.level", "--log-level", "ORDERLY_LOG_LEVEL",
             {"trace", "debug", "info", "warn", "error", "critical", "off"}),
      Choice("log.format", "--log-format", "ORDERLY_LOG_FORMAT", {"text", "json"}),
  };
  return table;
}

}  // namespace

std::span<const Key> Keys() { return Table(); }

const Key* FindKey(std::string_view path) {
  const auto& table = Table();
  const auto found =
      std::find_if(table.begin(), table.end(), [&](const Key& key) { return key.path == path; });
  return found == table.end() ? nullptr : &*found;
}

bool TakenBy(const Key& key, Command command) {
  return (key.commands & static_cast<std::uint8_t>(command)) != 0;
}

}  // namespace orderly::config
