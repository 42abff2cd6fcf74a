#include "load/latency_recorder.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace orderly::bench {
namespace {

constexpr double kNanosPerMs = 1e6;
// A request slower than this is a stall worth counting (SQLite checkpoints, busy-handler sleeps).
constexpr std::int64_t kStallNanos = 50'000'000;

}  // namespace

void LatencyRecorder::Merge(const LatencyRecorder& other) {
  samples_.insert(samples_.end(), other.samples_.begin(), other.samples_.end());
  sorted_ = false;
}

void LatencyRecorder::Sort() {
  if (!sorted_) std::sort(samples_.begin(), samples_.end());
  sorted_ = true;
}

double LatencyRecorder::PercentileMs(double p) {
  if (samples_.empty()) return 0;
  Sort();
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(samples_.size())));
  const std::size_t index = std::clamp<std::size_t>(rank, 1, samples_.size()) - 1;
  return static_cast<double>(samples_[index]) / kNanosPerMs;
}

double LatencyRecorder::MaxMs() {
  if (samples_.empty()) return 0;
  Sort();
  return static_cast<double>(samples_.back()) / kNanosPerMs;
}

double LatencyRecorder::MeanMs() const {
  if (samples_.empty()) return 0;
  const long double sum = std::accumulate(samples_.begin(), samples_.end(), 0.0L);
  return static_cast<double>(sum / samples_.size()) / kNanosPerMs;
}

std::size_t LatencyRecorder::CountAbove(std::int64_t nanoseconds) const {
  return static_cast<std::size_t>(
      std::count_if(samples_.begin(), samples_.end(),
                    [nanoseconds](auto sample) { return sample > nanoseconds; }));
}

nlohmann::json LatencyRecorder::SummaryJson() {
  return {{"count", Count()},           {"mean_ms", MeanMs()},
          {"p50_ms", PercentileMs(50)}, {"p90_ms", PercentileMs(90)},
          {"p99_ms", PercentileMs(99)}, {"p999_ms", PercentileMs(99.9)},
          {"max_ms", MaxMs()},          {"over_50ms", CountAbove(kStallNanos)}};
}

}  // namespace orderly::bench
