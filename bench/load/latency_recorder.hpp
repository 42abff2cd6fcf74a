#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace orderly::bench {

// Every latency of one measured series, kept exactly: runs last seconds, so even at 50k req/s the
// samples fit easily, and exact percentiles need no bucket error bars. Not thread-safe: each
// client records into its own and the driver merges them at the end.
class LatencyRecorder {
 public:
  void Add(std::int64_t nanoseconds) {
    samples_.push_back(nanoseconds);
    sorted_ = false;
  }
  void Merge(const LatencyRecorder& other);

  std::size_t Count() const { return samples_.size(); }
  // Nearest-rank percentile, p in (0, 100]; 0 when there are no samples.
  double PercentileMs(double p);
  double MaxMs();
  double MeanMs() const;
  std::size_t CountAbove(std::int64_t nanoseconds) const;

  // {"count", "mean_ms", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "over_50ms"}
  nlohmann::json SummaryJson();

 private:
  void Sort();

  std::vector<std::int64_t> samples_;
  bool sorted_ = true;
};

}  // namespace orderly::bench
