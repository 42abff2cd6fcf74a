#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace orderly::api::observability {

enum class LogFormat { kText, kJson };

// Sets the level (trace, debug, info, warn, error, critical, off) and the format of every log line
// of the process. Throws std::invalid_argument naming the bad value.
void ConfigureLogging(std::string_view level, std::string_view format);

LogFormat CurrentLogFormat();

// Logs one structured line at info level: the fields as JSON keys in the JSON format, or
// `text` followed by the fields as key=value pairs in the text format.
void LogFields(std::string_view text, const nlohmann::json& fields);

}  // namespace orderly::api::observability
