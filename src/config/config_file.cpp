#include "config/config_file.hpp"

#include <toml++/toml.h>

#include <algorithm>

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

void ReadTable(const toml::table& table, const std::string& prefix, ConfigFile& out) {
  for (const auto& [name, node] : table) {
    const std::string path = prefix + std::string(name.str());
    const int line = static_cast<int>(name.source().begin.line);
    if (node.is_table() && IsSection(path + ".")) {
      ReadTable(*node.as_table(), path + ".", out);
      continue;
    }
    const Key* key = FindKey(path);
    if (key == nullptr) {
      out.problems.push_back({line, "unknown key '" + path + "'"});
      continue;
    }
    if (auto value = ValueText(*key, node)) {
      out.settings.push_back({key, std::move(*value), LineOf(node)});
    } else {
      out.problems.push_back({LineOf(node), "invalid value for '" + path + "': " + Expected(*key)});
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
