#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "load/http_connection.hpp"
#include "load/latency_recorder.hpp"

namespace orderly::bench {

using Clock = std::chrono::steady_clock;

// One measured phase. Closed loop (rate 0): each connection sends its next operation as soon as
// the previous one is answered, which finds the throughput at that concurrency. Fixed rate:
// operations are scheduled at `rate` per second over all connections and their latency runs from
// the scheduled start, so a server stall also counts against the operations it delayed
// (coordinated omission, as wrk2 corrects it).
struct PhaseOptions {
  std::string name;  // the result's key, e.g. "read.get_order.100k"
  unsigned short port = 0;
  // More API nodes of the same deployment: connection i goes to node i mod (1 + extra_ports).
  std::vector<unsigned short> extra_ports;
  int connections = 64;
  double warmup_s = 1;  // operations started before this are not measured
  double duration_s = 8;
  double rate = 0;  // operations per second over all connections; 0: closed loop
  // A second bound beside the time: a phase never runs more operations than this.
  std::int64_t max_ops = 5'000'000;
  int threads = 1;  // threads running the client's event loop
  std::chrono::milliseconds request_timeout{10000};
};

// Per-step figures of one client, merged over all clients at the end.
struct StepRecord {
  LatencyRecorder latency;
  std::map<int, std::int64_t> statuses;  // HTTP status (0: no reply) -> count
};

// What one client (one connection) uses to run an operation.
class Client {
 public:
  Client(asio::any_io_executor executor, const PhaseOptions& options, unsigned short port,
         std::size_t steps, std::uint64_t seed)
      : executor(executor),
        connection(executor, port, options.request_timeout),
        random(seed),
        steps_(steps) {}

  // Sends one step's request, timing it from send to the whole reply, and counts its status.
  asio::awaitable<HttpReply> Step(std::size_t step, const std::string& raw_request);

  asio::any_io_executor executor;  // a strand: the client's coroutine never runs on two threads
  HttpConnection connection;
  std::mt19937_64 random;
  bool measuring = false;  // set by the driver for operations inside the measured window

  std::vector<StepRecord>& steps() { return steps_; }

 private:
  std::vector<StepRecord> steps_;
};

// An operation the clients repeat: one request, or a sequence (create -> approve -> done).
class Scenario {
 public:
  virtual ~Scenario() = default;
  virtual std::vector<std::string> StepNames() const = 0;
  // Before the clock starts, on one connection (the contention scenario's hot orders).
  virtual asio::awaitable<void> Prepare(Client&) { co_return; }
  // True when every step got the status the scenario expects.
  virtual asio::awaitable<bool> RunOnce(Client& client) = 0;
  // Scenario-specific figures for the result (conflict rate, ...), read after the phase.
  virtual nlohmann::json Details(double measured_seconds) const {
    (void)measured_seconds;
    return nlohmann::json::object();
  }
};

// Runs the phase and returns its result record (see bench/README.md for the fields).
nlohmann::json RunPhase(const PhaseOptions& options, Scenario& scenario);

}  // namespace orderly::bench
