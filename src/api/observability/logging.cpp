#include "api/observability/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <stdexcept>

namespace orderly::api::observability {
namespace {

std::atomic<LogFormat> current_format{LogFormat::kText};

// Marks a payload whose JSON object is to be merged into the line instead of quoted as a message.
constexpr std::string_view kFieldsMarker = "\x1e";

std::string Timestamp(const spdlog::details::log_msg& message) {
  const auto time = message.time;
  const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(time);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(time - seconds).count();
  const std::time_t raw = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&raw, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  char with_millis[40];
  std::snprintf(with_millis, sizeof with_millis, "%s.%03dZ", buffer, static_cast<int>(millis));
  return with_millis;
}

// One JSON object per line: time, level, and either the message or the structured fields.
class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& destination) override {
    nlohmann::json line = {
        {"time", Timestamp(message)},
        {"level", std::string(spdlog::level::to_string_view(message.level).data(),
                              spdlog::level::to_string_view(message.level).size())}};
    const std::string_view payload(message.payload.data(), message.payload.size());
    if (payload.starts_with(kFieldsMarker)) {
      auto fields = nlohmann::json::parse(payload.substr(kFieldsMarker.size()), nullptr, false);
      if (fields.is_object()) line.update(fields);
    } else {
      line["message"] = std::string(payload);
    }
    const std::string text =
        line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    destination.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonLineFormatter>();
  }
};

std::string KeyValues(const nlohmann::json& fields) {
  std::string text;
  for (const auto& [key, value] : fields.items()) {
    text += " " + key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
  }
  return text;
}

}  // namespace

void ConfigureLogging(std::string_view level, std::string_view format) {
  const auto parsed_level = spdlog::level::from_str(std::string(level));
  if (parsed_level == spdlog::level::off && level != "off") {
    throw std::invalid_argument("unknown log level '" + std::string(level) +
                                "' (trace, debug, info, warn, error, critical, off)");
  }
  if (format != "text" && format != "json") {
    throw std::invalid_argument("unknown log format '" + std::string(format) + "' (text, json)");
  }
  // Logs go to standard error; standard output carries only what the command prints for people and
  // scripts ("listening on ...").
  if (spdlog::default_logger()->name() != "orderly") {
    spdlog::set_default_logger(spdlog::stderr_color_mt("orderly"));
  }
  spdlog::set_level(parsed_level);
  if (format == "json") {
    current_format = LogFormat::kJson;
    spdlog::set_formatter(std::make_unique<JsonLineFormatter>());
  } else {
    current_format = LogFormat::kText;
    spdlog::set_formatter(std::make_unique<spdlog::pattern_formatter>());
  }
}

LogFormat CurrentLogFormat() { return current_format.load(); }

void LogFields(std::string_view text, const nlohmann::json& fields) {
  if (!spdlog::should_log(spdlog::level::info)) return;
  if (current_format.load() == LogFormat::kJson) {
    spdlog::info("{}{}", kFieldsMarker,
                 fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  } else {
    spdlog::info("{}{}", text, KeyValues(fields));
  }
}

}  // namespace orderly::api::observability
