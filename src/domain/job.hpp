#pragma once

#include <string>

#include "domain/ids.hpp"

namespace orderly::domain {

// One execution of an order by its offering type's processor, as the durable queue keeps it.
enum class JobState { kQueued, kRunning, kDone, kFailed };

inline std::string_view NameOf(JobState state) {
  switch (state) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kDone: return "done";
    case JobState::kFailed: return "failed";
  }
  return "queued";
}

// What a job asks of the processor: carry the order out, or (for an order its backend took and
// works on) look at the backend's side and report where it stands.
enum class JobKind { kProcess, kPull };

inline std::string_view NameOf(JobKind kind) { return kind == JobKind::kPull ? "pull" : "process"; }

struct Job {
  Id id = 0;
  Id order_id = 0;
  Uuid order_uuid;
  JobState state = JobState::kQueued;
  int attempts = 0;  // claims so far, including the current one
  std::string run_after;
  std::string lease_owner;
  std::string lease_until;
  std::string created;
  std::string last_error;
  JobKind kind = JobKind::kProcess;
};

// Transient backend failures are retried this many times in all, with growing pauses.
inline constexpr int kMaxJobAttempts = 5;

}  // namespace orderly::domain
