#include "config/config_file.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <optional>

namespace orderly::config {
namespace {

int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

// A section is known when some key of the table lives in it.
bool IsSection(std::string_view prefix) {
  const auto keys = Keys();
  return std::any_of(keys.begin(), keys.end(),
                     [&](const Key& key) { return key.path.starts_with(prefix); });
}

std::string Expected(const Key& key) {
  switch (key.kind) {
    case ValueKind::kText: return "expected a string";
    case ValueKind::kInteger:
      return "expected an integer from " + std::to_string(key.min) + " to " +
             std::to_string(key.max);
    case ValueKind::kChoice: {
      std::string text = "expected one of";
      for (const auto choice : key.choices) text += " \"" + std::string(choice) + "\"";
      return text;
    }
  }
  return {};
}

// The value as command-line text, or nothing when it does not fit the key.
std::optional<std::string> ValueText(const Key& key, const toml::node& node) {
  switch (key.kind) {
    case ValueKind::kText:
      if (const auto text = node.value_exact<std::string>()) return *text;
      return std::nullopt;
    case ValueKind::kInteger:
      if (const auto number = node.value_exact<std::int64_t>();
          number && *number >= key.min && *number <= key.max) {
        return std::to_string(*number);
      }
      return std::nullopt;
    case ValueKind::kChoice:
      if (const auto text = node.value_exact<std::string>();
          text && std::find(key.choices.begin(), key.choices.end(), *text) != key.choices.end()) {
        return *text;
      }
      return std::nullopt;
  }
  return std::nullopt;
}

// The entries of `path` (one per range a command gives it).
std::vector<const Key*> EntriesOf(std::string_view path) {
  std::vector<const Key*> entries;
  for (const Key& key : Keys())
    if (key.path == path) entries.push_back(&key);
  return entries;
}

// "expected an integer from 0 to 64 (orderly serve) or from 1 to 64 (orderly worker)".
std::string ExpectedOfAll(const std::vector<const Key*>& entries) {
  if (entries.size() == 1) return Expected(*entries.front());
  std::string text;
  for (const Key* key : entries) {
    if (!text.empty()) text += " or ";
    text += Expected(*key) + " (";
    for (const auto command : {Command::kServe, Command::kWorker, Command::kCreateStaffUser,
                               Command::kDemo, Command::kAgent}) {
      if (TakenBy(*key, command)) text += std::string(CommandName(command)) + ", ";
    }
    text.resize(text.size() - 2);
    text += ")";
  }
  return text;
}

// A value is valid when it fits the key for some command; the command that applies the file
// checks it against its own range (the option's CLI11 check, built from the same entry).
void ReadTable(const toml::table& table, const std::string& prefix, ConfigFile& out) {
  for (const auto& [name, node] : table) {
    const std::string path = prefix + std::string(name.str());
    const int line = static_cast<int>(name.source().begin.line);
    if (node.is_table() && IsSection(path + ".")) {
      ReadTable(*node.as_table(), path + ".", out);
      continue;
    }
    const auto entries = EntriesOf(path);
    if (entries.empty()) {
      out.problems.push_back({line, "unknown key '" + path + "'"});
      continue;
    }
    std::optional<std::string> value;
    for (const Key* key : entries) {
      if ((value = ValueText(*key, node))) break;
    }
    if (value) {
      out.settings.push_back({std::string(path), std::move(*value), LineOf(node)});
    } else {
      out.problems.push_back(
          {LineOf(node), "invalid value for '" + path + "': " + ExpectedOfAll(entries)});
    }
  }
}

}  // namespace

ConfigFile ReadConfigFile(const std::string& path) {
  ConfigFile out;
  try {
    const toml::table table = toml::parse_file(path);
    ReadTable(table, "", out);
  } catch (const toml::parse_error& error) {
    out.problems.push_back(
        {static_cast<int>(error.source().begin.line), std::string(error.description())});
  }
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const Problem& a, const Problem& b) { return a.line < b.line; });
  return out;
}

std::string Describe(const std::string& path, const Problem& problem) {
  return path + ":" + (problem.line > 0 ? std::to_string(problem.line) + ":" : "") + " " +
         problem.message;
}

}  // namespace orderly::config
