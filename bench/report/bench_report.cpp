// orderly_bench_report: turns the result records of one bench/run.sh run (JSON lines written by
// orderly_load, orderly_store_ceiling, the wrk script and run.sh itself) and Google Benchmark's
// JSON into one table on stdout, the same as markdown, and one JSON document.
//
// A record names its ceiling ("ceiling": the name of another record of the same run) and how many
// ceiling units one of its own units is worth ("ceiling_factor": a lifecycle order is three write
// transactions). ratio = throughput * factor / ceiling's throughput. Absolute figures drift on a
// shared machine; ratios measured minutes apart on the same machine hold much better.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using nlohmann::json;

struct Row {
  std::string scenario;
  std::string throughput;
  std::string p50;
  std::string p99;
  std::string p999;
  std::string ceiling;
  std::string ratio;
  std::string notes;
};

std::string Format(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof(text), format, value);
  return text;
}

std::string Ms(const json& latency, const char* key) {
  if (!latency.is_object() || !latency.contains(key)) return "";
  return Format("%.2f", latency.at(key).get<double>());
}

std::string Grouped(double value) {
  const std::string digits = std::to_string(static_cast<long long>(value + 0.5));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

// A benchmark's time in the unit that keeps it between 1 and 1000 (ns, us, ms, s).
std::string ReadableTime(double value, const std::string& unit) {
  static const std::vector<std::string> kUnits = {"ns", "us", "ms", "s"};
  auto at = std::find(kUnits.begin(), kUnits.end(), unit);
  if (at == kUnits.end()) return Format("%.1f ", value) + unit;
  while (value >= 1000 && at + 1 != kUnits.end()) {
    value /= 1000;
    ++at;
  }
  return Format(value < 10 ? "%.2f " : "%.1f ", value) + *at;
}

// Appends `piece` to `text`, with `separator` between pieces.
void Join(std::string& text, std::string_view separator, std::string_view piece) {
  if (!text.empty()) text.append(separator);
  text.append(piece);
}

double Number(const json& record, const char* key, double fallback = 0) {
  return record.contains(key) && record.at(key).is_number() ? record.at(key).get<double>()
                                                            : fallback;
}

std::int64_t StatusCount(const json& step, bool (*matches)(int)) {
  std::int64_t count = 0;
  if (!step.contains("statuses")) return 0;
  for (const auto& [status, n] : step.at("statuses").items()) {
    if (matches(std::stoi(status))) count += n.get<std::int64_t>();
  }
  return count;
}

bool IsServerError(int status) { return status == 0 || status >= 500; }
bool IsConflict(int status) { return status == 409; }
bool IsAny(int) { return true; }

// The figures a row shows about what went wrong or what shaped the number.
std::string Notes(const json& record) {
  std::vector<std::string> notes;
  std::int64_t server_errors = 0;
  std::int64_t conflicts = 0;
  std::int64_t contested = 0;
  if (record.contains("steps")) {
    for (const auto& step : record.at("steps")) {
      server_errors += StatusCount(step, IsServerError);
      const std::string name = step.at("name").get<std::string>();
      if (name == "approve_by_provider" || name == "set_state_done") {
        conflicts += StatusCount(step, IsConflict);
        contested += StatusCount(step, IsAny);
      }
    }
  }
  if (record.value("scenario", "") == "contention" && contested > 0) {
    notes.push_back(Format("409 rate %.1f%%", 100.0 * static_cast<double>(conflicts) /
                                                  static_cast<double>(contested)));
    notes.push_back(Grouped(Number(record, "requests_per_s")) + " req/s");
    notes.push_back("hot orders " + std::to_string(record.at("details").value("hot_orders", 0)));
  }
  if (record.value("mode", "") == "fixed-rate") {
    notes.push_back("fixed rate " + Grouped(Number(record, "target_rate")) +
                    "/s, latency from scheduled start");
  }
  if (record.contains("connections"))
    notes.push_back("c=" + std::to_string(record.at("connections").get<int>()));
  if (record.value("api_nodes", 1) > 1)
    notes.push_back(std::to_string(record.at("api_nodes").get<int>()) + " API nodes");
  if (record.contains("threads"))
    notes.push_back("threads=" + std::to_string(record.at("threads").get<int>()));
  if (record.value("writer_lock", false)) notes.push_back("FIFO writer queue (what-if)");
  const auto failed = static_cast<std::int64_t>(Number(record, "ops_failed"));
  if (failed > 0) notes.push_back("FAILED ops " + std::to_string(failed));
  if (server_errors > 0) notes.push_back("5xx/no reply " + std::to_string(server_errors));
  if (record.contains("latency")) {
    const auto stalls = record.at("latency").value("over_50ms", 0);
    if (stalls > 0) notes.push_back(std::to_string(stalls) + " over 50 ms");
  }
  if (record.value("cut_short", false)) notes.push_back("CUT SHORT by the backstop");
  if (record.contains("note")) notes.push_back(record.at("note").get<std::string>());
  std::string joined;
  for (const auto& note : notes) Join(joined, "; ", note);
  return joined;
}

// A record may name several ceilings, comma-separated (the store ceiling measured before and after
// a write scenario): the ratio is then taken against their mean, and their spread is reported,
// because a drifting disk moves the ceiling within a minute on a shared machine.
std::optional<double> Ratio(const json& record, const std::map<std::string, json>& by_name,
                            std::string* ceiling, std::string* spread) {
  if (!record.contains("ceiling")) return std::nullopt;
  const std::string names = record.at("ceiling").get<std::string>();
  std::vector<double> values;
  std::stringstream list(names);
  std::string name;
  while (std::getline(list, name, ',')) {
    Join(*ceiling, " / ", name);
    const auto found = by_name.find(name);
    if (found != by_name.end() && Number(found->second, "throughput") > 0) {
      values.push_back(Number(found->second, "throughput"));
    }
  }
  if (values.empty()) return std::nullopt;
  double sum = 0;
  for (double value : values) sum += value;
  const double mean = sum / static_cast<double>(values.size());
  if (values.size() > 1) {
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    *spread = Format("ceiling %.0f", *low) + Format("..%.0f", *high);
  }
  return Number(record, "throughput") * Number(record, "ceiling_factor", 1) / mean;
}

void PrintText(const std::vector<Row>& rows, std::ostream& out) {
  const std::vector<std::string> header = {"scenario", "throughput", "p50 ms", "p99 ms",
                                           "p99.9 ms", "ceiling",    "ratio",  "notes"};
  std::vector<std::size_t> widths(header.size());
  auto cells = [](const Row& row) {
    return std::vector<std::string>{row.scenario, row.throughput, row.p50,   row.p99,
                                    row.p999,     row.ceiling,    row.ratio, row.notes};
  };
  for (std::size_t i = 0; i < header.size(); ++i) widths[i] = header[i].size();
  for (const auto& row : rows) {
    const auto values = cells(row);
    for (std::size_t i = 0; i < values.size(); ++i)
      widths[i] = std::max(widths[i], values[i].size());
  }
  auto line = [&](const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const bool right = i >= 1 && i <= 4;  // numbers line up on the right
      const std::string pad(widths[i] - values[i].size(), ' ');
      out << (right ? pad + values[i] : values[i] + (i + 1 < values.size() ? pad : ""))
          << (i + 1 < values.size() ? "  " : "");
    }
    out << "\n";
  };
  line(header);
  std::vector<std::string> rule;
  for (auto width : widths) rule.emplace_back(width, '-');
  line(rule);
  for (const auto& row : rows) line(cells(row));
}

void PrintMarkdown(const std::vector<Row>& rows, std::ostream& out) {
  out << "| scenario | throughput | p50 ms | p99 ms | p99.9 ms | ceiling | ratio | notes |\n";
  out << "| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |\n";
  for (const auto& row : rows) {
    out << "| " << row.scenario << " | " << row.throughput << " | " << row.p50 << " | " << row.p99
        << " | " << row.p999 << " | " << row.ceiling << " | " << row.ratio << " | " << row.notes
        << " |\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"orderly_bench_report: the table and JSON of one bench run"};
  std::string results_path;
  std::string micro_path;
  std::string out_path;
  std::string markdown_path;
  cli.add_option("--results", results_path, "JSON lines of the run")->required();
  cli.add_option("--micro", micro_path, "Google Benchmark JSON output");
  cli.add_option("--out", out_path, "write the whole run as one JSON document here")->required();
  cli.add_option("--markdown", markdown_path, "write the tables as markdown here");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error) == 0 ? 0 : 2;
  }

  try {
    std::ifstream results_file(results_path);
    if (!results_file) throw std::runtime_error("cannot read " + results_path);
    json meta = json::object();
    std::vector<json> records;
    std::vector<json> servers;
    std::string text;
    while (std::getline(results_file, text)) {
      if (text.empty() || text.front() != '{') continue;
      auto record = json::parse(text);
      const std::string kind = record.value("kind", "");
      if (kind == "meta") {
        meta.update(record);
      } else if (kind == "server") {
        servers.push_back(std::move(record));
      } else {
        records.push_back(std::move(record));
      }
    }

    std::map<std::string, json> by_name;
    for (const auto& record : records) by_name[record.value("name", "")] = record;

    std::vector<Row> rows;
    json out_rows = json::array();
    for (auto& record : records) {
      Row row;
      row.scenario = record.value("name", "?");
      const double throughput = Number(record, "throughput");
      row.throughput = Grouped(throughput) + " " + record.value("unit", "");
      const json latency = record.value("latency", json::object());
      row.p50 = Ms(latency, "p50_ms");
      row.p99 = Ms(latency, "p99_ms");
      row.p999 = Ms(latency, "p999_ms");
      std::string ceiling;
      std::string spread;
      const auto ratio = Ratio(record, by_name, &ceiling, &spread);
      row.ceiling = ceiling;
      if (ratio) row.ratio = Format("%.2f", *ratio);
      row.notes = Notes(record);
      if (!spread.empty()) Join(row.notes, "; ", spread);
      rows.push_back(row);
      record["ratio"] = ratio ? json(*ratio) : json(nullptr);
      out_rows.push_back(record);
      // The steps of a multi-step operation, each with its own latency (from its own send).
      const auto steps = record.value("steps", json::array());
      if (steps.size() > 1) {
        for (const auto& step : steps) {
          Row sub;
          sub.scenario = "  " + step.at("name").get<std::string>();
          sub.throughput = Grouped(Number(step, "requests_per_s")) + " req/s";
          sub.p50 = Ms(step.at("latency"), "p50_ms");
          sub.p99 = Ms(step.at("latency"), "p99_ms");
          sub.p999 = Ms(step.at("latency"), "p999_ms");
          std::string statuses;
          for (const auto& [status, count] : step.at("statuses").items()) {
            Join(statuses, " ", status + ":" + std::to_string(count.get<std::int64_t>()));
          }
          sub.notes = statuses;
          rows.push_back(sub);
        }
      }
    }

    std::ostringstream text_out;
    text_out << "orderly bench";
    if (meta.contains("mode")) text_out << " (" << meta.at("mode").get<std::string>() << ")";
    if (meta.contains("date")) text_out << ", " << meta.at("date").get<std::string>();
    if (meta.contains("git")) text_out << ", " << meta.at("git").get<std::string>();
    if (meta.contains("cpus")) text_out << ", " << meta.at("cpus").get<int>() << " CPUs";
    text_out << "\n\n";
    PrintText(rows, text_out);

    std::ostringstream markdown;
    PrintMarkdown(rows, markdown);

    if (!servers.empty()) {
      text_out << "\nserver memory (VmHWM = peak resident set)\n";
      markdown << "\n| server | store orders | peak RSS MB | RSS at end MB |\n| --- | ---: | ---: "
                  "| ---: |\n";
      for (const auto& server : servers) {
        const double hwm = Number(server, "vm_hwm_kb") / 1024.0;
        const double rss = Number(server, "vm_rss_kb") / 1024.0;
        text_out << "  " << server.value("name", "?") << ": peak " << Format("%.1f", hwm)
                 << " MB, at end " << Format("%.1f", rss) << " MB, "
                 << Grouped(Number(server, "orders")) << " orders in the store\n";
        markdown << "| " << server.value("name", "?") << " | " << Grouped(Number(server, "orders"))
                 << " | " << Format("%.1f", hwm) << " | " << Format("%.1f", rss) << " |\n";
      }
    }

    json micro = json::array();
    if (!micro_path.empty()) {
      std::ifstream micro_file(micro_path);
      if (micro_file) {
        const auto document = json::parse(micro_file);
        text_out << "\nmicro-benchmarks (Google Benchmark, per operation)\n";
        markdown << "\n| micro-benchmark | time per op | items/s |\n| --- | ---: | ---: |\n";
        for (const auto& benchmark : document.value("benchmarks", json::array())) {
          if (benchmark.value("run_type", "iteration") != "iteration") continue;
          const std::string unit = benchmark.value("time_unit", "ns");
          const double time = Number(benchmark, "real_time");
          const std::string readable = ReadableTime(time, unit);
          std::string name = benchmark.value("name", "?");
          if (benchmark.contains("label") && !benchmark.at("label").get<std::string>().empty()) {
            name += " (" + benchmark.at("label").get<std::string>() + ")";
          }
          const std::string items = benchmark.contains("items_per_second")
                                        ? Grouped(Number(benchmark, "items_per_second")) + "/s"
                                        : "";
          text_out << "  " << name << std::string(name.size() < 48 ? 48 - name.size() : 1, ' ')
                   << std::string(readable.size() < 12 ? 12 - readable.size() : 1, ' ') << readable
                   << (items.empty() ? "" : "   " + items) << "\n";
          markdown << "| " << name << " | " << readable << " | " << items << " |\n";
          micro.push_back({{"name", name},
                           {"real_time", time},
                           {"cpu_time", Number(benchmark, "cpu_time")},
                           {"time_unit", unit},
                           {"iterations", benchmark.value("iterations", 0)},
                           {"items_per_second", benchmark.contains("items_per_second")
                                                    ? json(Number(benchmark, "items_per_second"))
                                                    : json(nullptr)}});
        }
      }
    }

    std::cout << text_out.str() << std::flush;
    const json document = {
        {"meta", meta}, {"rows", out_rows}, {"servers", servers}, {"micro", micro}};
    std::ofstream out(out_path);
    if (!out) throw std::runtime_error("cannot write " + out_path);
    out << document.dump(2) << "\n";
    if (!markdown_path.empty()) {
      std::ofstream md(markdown_path);
      if (!md) throw std::runtime_error("cannot write " + markdown_path);
      md << markdown.str();
    }
  } catch (const std::exception& error) {
    std::cerr << "orderly_bench_report: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}
