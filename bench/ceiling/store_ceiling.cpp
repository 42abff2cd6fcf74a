// orderly_store_ceiling: the store ceiling of bench/run.sh. The writes of one order transition,
// in-process and without HTTP, in a loop: begin a write transaction, read the order (the same
// joined read the services use), update it, insert its event, commit. What the HTTP figures add on
// top of this is the cost of HTTP, auth, the rule check and JSON.
#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "load/latency_recorder.hpp"
#include "service/secrets.hpp"
#include "service/system_clock.hpp"
#include "store/store.hpp"

namespace {

using namespace orderly;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string db;
  std::string world;
  std::string name = "ceiling.store";
  std::string out;
  double duration_s = 5;
  double warmup_s = 0.5;
  std::int64_t max_transactions = 2'000'000;
  int threads = 1;
  std::string ceiling;  // another record to compare with (bench_report), if any
  // Threads queue in FIFO order for their turn to write, so that waiting writers block on a
  // condition variable instead of in SQLite's busy handler, which sleeps (1, 2, 5, ... 100 ms) and
  // polls. A what-if for the server's write path; orderly itself does not do this (yet).
  bool writer_lock = false;
};

// Moves the order between executing and done and back: the row changes on every commit, as a
// transition's does, and no rule is asked (that is what the ceiling leaves out).
void Transition(store::Store& store, const service::SystemClock& clock, const std::string& uuid) {
  store.Write([&](store::Transaction& tx) {
    auto record = tx.Orders().FindByUuid(uuid);
    if (!record) throw std::runtime_error("order " + uuid + " is not in the store");
    domain::Order& order = record->order;
    const domain::OrderState from = order.state;
    const domain::OrderState to = from == domain::OrderState::kExecuting
                                      ? domain::OrderState::kDone
                                      : domain::OrderState::kExecuting;
    const std::string now = clock.Now();
    order.state = to;
    order.modified = now;
    tx.Orders().Update(order);
    tx.Events().Insert(domain::Event{
        .uuid = service::NewUuid(),
        .created = now,
        .event_type = "bench_transition",
        .message = "Bench transition.",
        .scope_type = domain::EventScope::kOrder,
        .scope_uuid = order.uuid,
        .context = {{"from_state", domain::NameOf(from)}, {"to_state", domain::NameOf(to)}}});
  });
}

// A fair (first come, first served) lock: a plain mutex lets one thread win again and again.
class TicketLock {
 public:
  void lock() {
    std::unique_lock guard(mutex_);
    const std::uint64_t ticket = next_++;
    turn_changed_.wait(guard, [&] { return serving_ == ticket; });
  }
  void unlock() {
    {
      std::lock_guard guard(mutex_);
      ++serving_;
    }
    turn_changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable turn_changed_;
  std::uint64_t next_ = 0;
  std::uint64_t serving_ = 0;
};

struct ThreadResult {
  bench::LatencyRecorder latency;
  std::int64_t measured = 0;
  std::int64_t failed = 0;
  std::string first_error;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"orderly_store_ceiling: one transition's writes in a loop, without HTTP"};
  Options options;
  cli.add_option("--db", options.db, "sqlite:PATH of a seeded store")->required();
  cli.add_option("--world", options.world, "world.json of that store (for order uuids)")
      ->required();
  cli.add_option("--name", options.name, "the result's key");
  cli.add_option("--out", options.out, "append the result record (a JSON line) here")->required();
  cli.add_option("--duration", options.duration_s, "measured seconds")
      ->check(CLI::Range(0.1, 600.0));
  cli.add_option("--warmup", options.warmup_s, "unmeasured seconds first")
      ->check(CLI::Range(0.0, 60.0));
  cli.add_option("--max-transactions", options.max_transactions, "stop after this many")
      ->check(CLI::Range(1, 100'000'000));
  cli.add_option("--threads", options.threads, "threads, each with its own connection")
      ->check(CLI::Range(1, 64));
  cli.add_option("--ceiling", options.ceiling, "name of the record this one is compared with");
  cli.add_flag("--writer-lock", options.writer_lock,
               "threads take turns to write, first come first served");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error) == 0 ? 0 : 2;
  }

  try {
    service::InitSecrets();
    std::ifstream world_file(options.world);
    if (!world_file) throw std::runtime_error("cannot read " + options.world);
    const auto uuids =
        nlohmann::json::parse(world_file).at("sample_order_uuids").get<std::vector<std::string>>();
    if (uuids.empty()) throw std::runtime_error(options.world + " has no sample orders");

    auto store = store::Store::Open(options.db, options.threads);
    const service::SystemClock clock;
    const auto start = Clock::now();
    const auto measure_from = start + std::chrono::duration_cast<Clock::duration>(
                                          std::chrono::duration<double>(options.warmup_s));
    const auto end = measure_from + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(options.duration_s));
    std::atomic<std::int64_t> started{0};
    TicketLock writer;
    std::vector<ThreadResult> results(static_cast<std::size_t>(options.threads));
    {
      std::vector<std::jthread> threads;
      for (int t = 0; t < options.threads; ++t) {
        threads.emplace_back([&, t] {
          auto& result = results[static_cast<std::size_t>(t)];
          for (;;) {
            const std::int64_t n = started.fetch_add(1);
            const auto begin = Clock::now();
            if (n >= options.max_transactions || begin >= end) break;
            const auto& uuid = uuids[static_cast<std::size_t>(n) % uuids.size()];
            // A failed transaction (busy timeout, I/O error) is counted, not fatal to the run.
            try {
              if (options.writer_lock) {
                std::lock_guard lock(writer);
                Transition(*store, clock, uuid);
              } else {
                Transition(*store, clock, uuid);
              }
            } catch (const std::exception& error) {
              ++result.failed;
              if (result.first_error.empty()) result.first_error = error.what();
              continue;
            }
            if (begin < measure_from) continue;
            result.latency.Add(
                std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - begin).count());
            ++result.measured;
          }
        });
      }
    }
    bench::LatencyRecorder latency;
    std::int64_t measured = 0;
    std::int64_t failed = 0;
    std::string first_error;
    for (auto& result : results) {
      latency.Merge(result.latency);
      measured += result.measured;
      failed += result.failed;
      if (first_error.empty()) first_error = result.first_error;
    }
    nlohmann::json record = {{"name", options.name},
                             {"kind", "store"},
                             {"mode", "closed-loop"},
                             {"threads", options.threads},
                             {"writer_lock", options.writer_lock},
                             {"warmup_s", options.warmup_s},
                             {"duration_s", options.duration_s},
                             {"ops", measured},
                             {"ops_ok", measured},
                             {"ops_failed", failed},
                             {"ops_per_s", static_cast<double>(measured) / options.duration_s},
                             {"requests_per_s", static_cast<double>(measured) / options.duration_s},
                             {"throughput", static_cast<double>(measured) / options.duration_s},
                             {"unit", "tx/s"},
                             {"latency", latency.SummaryJson()},
                             {"latency_from", "actual start"}};
    if (!options.ceiling.empty()) record["ceiling"] = options.ceiling;
    if (!first_error.empty()) record["note"] = "first failure: " + first_error;
    std::ofstream out(options.out, std::ios::app);
    if (!out) throw std::runtime_error("cannot append to " + options.out);
    out << record.dump() << "\n";
    std::fprintf(
        stderr, "  %-28s %9.1f tx/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %7.2f ms\n",
        options.name.c_str(), record["ops_per_s"].get<double>(),
        record["latency"]["p50_ms"].get<double>(), record["latency"]["p99_ms"].get<double>(),
        record["latency"]["p999_ms"].get<double>(), record["latency"]["max_ms"].get<double>());
  } catch (const std::exception& error) {
    std::cerr << "orderly_store_ceiling: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}
