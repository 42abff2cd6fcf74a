// orderly_load: the load generator of bench/run.sh. Runs one scenario against an orderly server on
// 127.0.0.1 and appends its result record (one JSON line) to --out.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "load/scenarios.hpp"

namespace {

using namespace orderly::bench;

void Append(const std::string& path, const nlohmann::json& record) {
  std::ofstream out(path, std::ios::app);
  if (!out) throw std::runtime_error("cannot append to " + path);
  out << record.dump() << "\n";
}

// The figure a scenario is judged by: completed orders for the lifecycle and for contention (whose
// 409s roll back and commit nothing, so they are reported as a rate beside it), requests for the
// single-request scenarios.
void SetThroughput(nlohmann::json& record, const std::string& scenario) {
  if (scenario == "lifecycle" || scenario == "processing") {
    record["throughput"] = record.at("ops_per_s");
    record["unit"] = "orders/s";
  } else if (scenario == "contention") {
    record["throughput"] = record.at("details").at("orders_completed_per_s");
    record["unit"] = "orders/s";
  } else {
    record["throughput"] = record.at("requests_per_s");
    record["unit"] = "req/s";
  }
}

// The ops/s of an earlier record in the results file, for a fixed-rate run at a fraction of it.
double EarlierOpsPerSecond(const std::string& path, const std::string& name) {
  std::ifstream in(path);
  std::string line;
  double found = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() != '{') continue;
    const auto record = nlohmann::json::parse(line);
    if (record.value("name", "") == name) found = record.value("ops_per_s", 0.0);
  }
  return found;
}

// The processing scenario's queue delays (server clock) as two more sub-rows of the table.
void AddQueueDelayRows(nlohmann::json& record) {
  const auto& details = record.at("details");
  for (const auto& [key, label] :
       {std::pair{"queue_delay_to_start", "queue delay: approval -> job start"},
        std::pair{"queue_delay_to_done", "queue delay: approval -> done"}}) {
    record["steps"].push_back({{"name", label},
                               {"requests_per_s", details.at("orders_done_per_s")},
                               {"latency", details.at(key)},
                               {"statuses", nlohmann::json::object()}});
  }
}

void Describe(const nlohmann::json& record) {
  const auto& latency = record.at("latency");
  std::fprintf(
      stderr,
      "  %-28s %9.1f ops/s  %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  failed %lld\n",
      record.at("name").get<std::string>().c_str(), record.at("ops_per_s").get<double>(),
      record.at("requests_per_s").get<double>(), latency.at("p50_ms").get<double>(),
      latency.at("p99_ms").get<double>(), latency.at("p999_ms").get<double>(),
      static_cast<long long>(record.at("ops_failed").get<std::int64_t>()));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"orderly_load: drives one bench scenario against an orderly server on 127.0.0.1"};
  PhaseOptions phase;
  std::string scenario_name;
  std::string world_path;
  std::string out_path;
  int hot_orders = 4;
  double then_rate_fraction = 0;
  std::string then_name;
  std::string ceiling;
  double ceiling_factor = 1;
  int port = 0;
  cli.add_option("--port", port, "port of the server on 127.0.0.1")
      ->required()
      ->check(CLI::Range(1, 65535));
  std::vector<int> extra_ports;
  cli.add_option("--also-port", extra_ports,
                 "ports of further API nodes on the same database; connections are split evenly")
      ->delimiter(',')
      ->check(CLI::Range(1, 65535));
  cli.add_option("--scenario", scenario_name,
                 "health | get_order | list_orders | lifecycle | contention | processing")
      ->required()
      ->check(CLI::IsMember(
          {"health", "get_order", "list_orders", "lifecycle", "contention", "processing"}));
  cli.add_option("--world", world_path,
                 "world.json written by orderly_bench_seed (all but health)");
  cli.add_option("--name", phase.name, "the result's key")->required();
  cli.add_option("--out", out_path, "append the result record (a JSON line) here")->required();
  cli.add_option("--connections", phase.connections, "concurrent keep-alive connections")
      ->check(CLI::Range(1, 1024));
  cli.add_option("--duration", phase.duration_s, "measured seconds")->check(CLI::Range(0.1, 600.0));
  cli.add_option("--warmup", phase.warmup_s, "unmeasured seconds first")
      ->check(CLI::Range(0.0, 60.0));
  cli.add_option("--rate", phase.rate, "operations per second (fixed rate); 0: closed loop")
      ->check(CLI::Range(0.0, 1e6));
  cli.add_option("--max-ops", phase.max_ops, "stop after this many operations")
      ->check(CLI::Range(1, 100'000'000));
  cli.add_option("--threads", phase.threads, "client event-loop threads")->check(CLI::Range(1, 16));
  cli.add_option("--hot-orders", hot_orders, "contention: orders all clients act on")
      ->check(CLI::Range(1, 1000));
  cli.add_option("--then-rate-fraction", then_rate_fraction,
                 "then run again at this fraction of the measured ops/s, at a fixed rate")
      ->check(CLI::Range(0.0, 1.0));
  cli.add_option("--then-name", then_name, "the second run's key");
  std::string rate_of;
  double rate_fraction = 0;
  cli.add_option("--rate-of", rate_of,
                 "fixed rate: a fraction of the ops/s of this earlier record in --out");
  cli.add_option("--rate-fraction", rate_fraction, "the fraction for --rate-of")
      ->check(CLI::Range(0.0, 1.0));
  cli.add_option("--ceiling", ceiling,
                 "name of the record this one is compared with (bench_report)");
  cli.add_option("--ceiling-factor", ceiling_factor,
                 "ceiling units per unit of this record's throughput")
      ->check(CLI::Range(0.001, 1000.0));
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error) == 0 ? 0 : 2;
  }
  phase.port = static_cast<unsigned short>(port);
  for (const int extra : extra_ports)
    phase.extra_ports.push_back(static_cast<unsigned short>(extra));
  if (!rate_of.empty()) {
    const double measured = EarlierOpsPerSecond(out_path, rate_of);
    phase.rate = rate_fraction * measured;
    if (phase.rate <= 0) {
      std::cerr << "orderly_load: " << rate_of << " completed nothing; no rate to aim at"
                << std::endl;
      return 1;
    }
  }

  try {
    World world;
    if (scenario_name != "health") {
      if (world_path.empty()) throw std::runtime_error("--world is required for " + scenario_name);
      world = LoadWorld(world_path, phase.port);
    }
    auto make = [&]() -> std::unique_ptr<Scenario> {
      if (scenario_name == "health") return HealthScenario(phase.port);
      if (scenario_name == "get_order") return GetOrderScenario(phase.port, world);
      if (scenario_name == "list_orders") return ListOrdersScenario(phase.port, world);
      if (scenario_name == "lifecycle") return LifecycleScenario(phase.port, world);
      if (scenario_name == "processing") return ProcessingScenario(phase.port, world);
      return ContentionScenario(phase.port, world, hot_orders);
    };
    auto scenario = make();
    auto record = RunPhase(phase, *scenario);
    record["scenario"] = scenario_name;
    if (!rate_of.empty()) {
      record["rate_of"] = rate_of;
      record["rate_fraction"] = rate_fraction;
    }
    SetThroughput(record, scenario_name);
    if (scenario_name == "processing") AddQueueDelayRows(record);
    if (!ceiling.empty()) {
      record["ceiling"] = ceiling;
      record["ceiling_factor"] = ceiling_factor;
    }
    Append(out_path, record);
    Describe(record);

    if (then_rate_fraction > 0) {
      PhaseOptions second = phase;
      second.name = then_name.empty() ? phase.name + ".fixed_rate" : then_name;
      second.rate = then_rate_fraction * record.at("ops_per_s").get<double>();
      if (second.rate <= 0)
        throw std::runtime_error("the closed-loop run completed nothing; no rate to aim at");
      auto again = make();
      auto fixed = RunPhase(second, *again);
      fixed["scenario"] = scenario_name;
      fixed["rate_fraction"] = then_rate_fraction;
      fixed["rate_of"] = phase.name;
      SetThroughput(fixed, scenario_name);
      Append(out_path, fixed);
      Describe(fixed);
    }
  } catch (const std::exception& error) {
    std::cerr << "orderly_load: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}
