#pragma once
// Every setting a command takes, in one table: its command-line option, its key in the
// configuration file, its ORDERLY_* variable, its kind, range and default. The command line
// (`Bind`, command_line.hpp), the file loader and `orderly config check` all read it, so an
// option's range or default cannot differ between them.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace orderly::config {

// The commands that take settings (a bit set in Key::commands).
enum class Command : std::uint8_t {
  kServe = 1,
  kWorker = 2,
  kCreateStaffUser = 4,
  kDemo = 8,
  kAgent = 16,  // orderly-agent
};

enum class ValueKind : std::uint8_t { kText, kInteger, kChoice };

struct Key {
  std::string_view path;    // "section.name" as written in the file
  std::string_view option;  // the command-line option it stands for
  std::string_view env;     // the environment variable that overrides the file; empty: none
  ValueKind kind = ValueKind::kText;
  std::int64_t min = 0;  // kInteger only
  std::int64_t max = 0;
  std::vector<std::string_view> choices;  // kChoice only
  std::string_view default_value;         // as command-line text; empty: none
  std::uint8_t commands = 0;              // bit set of Command
};

// Every key; a path appears more than once when commands differ in range or default
// (`processing.workers`: serve allows 0 and defaults to 1, worker needs 1 and defaults to 4).
std::span<const Key> Keys();
// The entry of `path` for `command`, or null when the command does not take it.
const Key* FindKey(std::string_view path, Command command);
// The entry of the option `option` (e.g. "--threads") for `command`, or null.
const Key* FindOption(std::string_view option, Command command);
bool IsKnownPath(std::string_view path);
bool TakenBy(const Key& key, Command command);
// "orderly serve", "orderly-agent", ...
std::string_view CommandName(Command command);

}  // namespace orderly::config
