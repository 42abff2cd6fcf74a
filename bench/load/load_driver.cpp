#include "load/load_driver.hpp"

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace orderly::bench {
namespace {

std::int64_t Nanos(Clock::duration duration) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count();
}

Clock::duration Seconds(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// Shared by the clients of one phase; written only through atomics.
struct Schedule {
  Clock::time_point start;
  Clock::time_point measure_from;
  Clock::time_point end;
  Clock::duration period{};  // fixed rate: time between two scheduled operations
  std::atomic<std::int64_t> next_ticket{0};
  std::atomic<std::int64_t> started{0};
};

struct ClientResult {
  std::unique_ptr<Client> client;
  LatencyRecorder operations;
  std::int64_t ok = 0;
  std::int64_t failed = 0;
};

asio::awaitable<void> ClientLoop(const PhaseOptions& options, Scenario& scenario,
                                 Schedule& schedule, ClientResult& result) {
  Client& client = *result.client;
  asio::steady_timer timer(client.executor);
  const bool fixed_rate = options.rate > 0;
  for (;;) {
    if (schedule.started.fetch_add(1) >= options.max_ops) break;
    Clock::time_point begin;
    if (fixed_rate) {
      const std::int64_t ticket = schedule.next_ticket.fetch_add(1);
      begin = schedule.start + schedule.period * ticket;
      if (begin >= schedule.end) break;
      if (begin > Clock::now()) {
        timer.expires_at(begin);
        beast::error_code ignored;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
      }
    } else {
      begin = Clock::now();
      if (begin >= schedule.end) break;
    }
    client.measuring = begin >= schedule.measure_from;
    const bool ok = co_await scenario.RunOnce(client);
    if (!client.measuring) continue;
    // Fixed rate: from the scheduled start, so waiting for a free connection counts too.
    result.operations.Add(Nanos(Clock::now() - begin));
    ++(ok ? result.ok : result.failed);
  }
  client.connection.Close();
}

}  // namespace

asio::awaitable<HttpReply> Client::Step(std::size_t step, const std::string& raw_request) {
  const auto sent = Clock::now();
  HttpReply reply = co_await connection.Send(raw_request);
  if (measuring) {
    auto& record = steps_.at(step);
    record.latency.Add(Nanos(Clock::now() - sent));
    ++record.statuses[reply.status];
  }
  co_return reply;
}

nlohmann::json RunPhase(const PhaseOptions& options, Scenario& scenario) {
  if (options.connections < 1 || options.duration_s <= 0 || options.threads < 1) {
    throw std::invalid_argument("a phase needs connections >= 1, duration > 0 and threads >= 1");
  }
  const auto step_names = scenario.StepNames();
  asio::io_context io(options.threads);

  std::vector<ClientResult> results(static_cast<std::size_t>(options.connections));
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::size_t node = i % (1 + options.extra_ports.size());
    const unsigned short port = node == 0 ? options.port : options.extra_ports[node - 1];
    results[i].client = std::make_unique<Client>(asio::make_strand(io), options, port,
                                                 step_names.size(), 0x5eed + i);
  }

  // Preparation runs to completion before the clock starts.
  {
    std::exception_ptr failure;
    asio::co_spawn(results.front().client->executor, scenario.Prepare(*results.front().client),
                   [&failure](std::exception_ptr error) { failure = error; });
    io.run();
    io.restart();
    if (failure) std::rethrow_exception(failure);
  }

  Schedule schedule;
  schedule.start = Clock::now();
  schedule.measure_from = schedule.start + Seconds(options.warmup_s);
  schedule.end = schedule.measure_from + Seconds(options.duration_s);
  if (options.rate > 0) schedule.period = Seconds(1.0 / options.rate);

  // Every request has its own timeout, so the clients end by themselves soon after `end`; the
  // backstop stops the loop should one not. The last client to finish cancels it.
  auto backstop_strand = asio::make_strand(io);
  asio::steady_timer backstop(backstop_strand);
  backstop.expires_at(schedule.end + std::chrono::seconds(30) + options.request_timeout * 4);
  std::atomic<bool> cut_short{false};
  backstop.async_wait([&io, &cut_short](const beast::error_code& error) {
    if (!error) {
      cut_short = true;
      io.stop();
    }
  });
  std::atomic<std::size_t> running{results.size()};
  std::mutex failure_mutex;
  std::exception_ptr client_failure;
  for (auto& result : results) {
    asio::co_spawn(result.client->executor, ClientLoop(options, scenario, schedule, result),
                   [&](std::exception_ptr error) {
                     if (error) {
                       std::lock_guard lock(failure_mutex);
                       if (!client_failure) client_failure = error;
                     }
                     if (--running == 0)
                       asio::post(backstop_strand, [&backstop] { backstop.cancel(); });
                   });
  }
  {
    std::vector<std::jthread> helpers;
    for (int i = 1; i < options.threads; ++i) helpers.emplace_back([&io] { io.run(); });
    io.run();
  }
  if (client_failure) std::rethrow_exception(client_failure);

  LatencyRecorder operations;
  std::vector<StepRecord> steps(step_names.size());
  std::int64_t ok = 0;
  std::int64_t failed = 0;
  for (auto& result : results) {
    operations.Merge(result.operations);
    ok += result.ok;
    failed += result.failed;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      auto& from = result.client->steps()[i];
      steps[i].latency.Merge(from.latency);
      for (const auto& [status, count] : from.statuses) steps[i].statuses[status] += count;
    }
  }

  const double seconds = options.duration_s;
  std::int64_t requests = 0;
  nlohmann::json step_json = nlohmann::json::array();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    nlohmann::json statuses = nlohmann::json::object();
    for (const auto& [status, count] : steps[i].statuses) {
      statuses[std::to_string(status)] = count;
      requests += count;
    }
    step_json.push_back(
        {{"name", step_names[i]},
         {"requests_per_s", static_cast<double>(steps[i].latency.Count()) / seconds},
         {"latency", steps[i].latency.SummaryJson()},
         {"statuses", statuses}});
  }
  return {{"name", options.name},
          {"kind", "load"},
          {"mode", options.rate > 0 ? "fixed-rate" : "closed-loop"},
          {"connections", options.connections},
          {"api_nodes", 1 + options.extra_ports.size()},
          {"client_threads", options.threads},
          {"warmup_s", options.warmup_s},
          {"duration_s", seconds},
          {"target_rate", options.rate},
          {"ops", ok + failed},
          {"ops_ok", ok},
          {"ops_failed", failed},
          {"ops_per_s", static_cast<double>(ok) / seconds},
          {"requests", requests},
          {"requests_per_s", static_cast<double>(requests) / seconds},
          {"latency", operations.SummaryJson()},
          {"latency_from", options.rate > 0 ? "scheduled start" : "actual start"},
          {"steps", step_json},
          {"cut_short", cut_short.load()},
          {"details", scenario.Details(seconds)}};
}

}  // namespace orderly::bench
