#pragma once
// The keys of the configuration file: the one table that loading (`serve|worker --config`) and
// `orderly config check` both read.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace orderly::config {

enum class Command : std::uint8_t { kServe = 1, kWorker = 2 };

enum class ValueKind : std::uint8_t { kText, kInteger, kChoice };

struct Key {
  std::string_view path;    // "section.name" as written in the file
  std::string_view option;  // the command-line option it stands for
  std::string_view env;     // the environment variable that overrides it; empty: none
  ValueKind kind = ValueKind::kText;
  std::int64_t min = 0;  // kInteger only
  std::int64_t max = 0;
  std::vector<std::string_view> choices;  // kChoice only
  std::uint8_t commands = 0;              // bit set of Command
};

std::span<const Key> Keys();
const Key* FindKey(std::string_view path);
bool TakenBy(const Key& key, Command command);

}  // namespace orderly::config
