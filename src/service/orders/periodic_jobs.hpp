#pragma once

#include <optional>

#include "service/context.hpp"

namespace orderly::service {

struct PeriodicReport {
  int pending_project_released = 0;
  int pending_start_date_released = 0;
  int timed_out = 0;
  int stuck_flagged = 0;  // resources newly flagged stuck (an event each); not in the HTTP report
  int remote_pulls_queued = 0;  // followed orders (Remote) whose backend order is pulled again
};

// Releases pending-project orders whose project has started and pending-start-date orders whose
// date has come (domain.md §3.7), and fails executing orders of automated types that exceeded
// the execution time-out (processing.md §10), and queues a pull of every followed order
// (processing.md §9.4 pull_orders). Each order moves in its own transaction. Resources
// stuck in Creating/Updating/Terminating longer than --stuck-after get one resource_stuck event per
// episode (a later change of the resource starts a new one). One run at a time across every node
// on the database: waits for a run elsewhere to finish.
PeriodicReport RunPeriodicJobs(Context& context);
// The same, unless another node is running them right now (then nothing, at once): for the
// timer of each node, so that several nodes never run them twice at once.
std::optional<PeriodicReport> TryRunPeriodicJobs(Context& context);
// Only the pending-project part, for when a project's start date moves (§3.7: clearing it
// releases the project's orders at once).
int ReleaseStartedProjects(Context& context);

// The same on a staff request (POST /api/periodic-jobs/run/).
PeriodicReport RunPeriodicJobs(Context& context, const domain::Actor& actor);

}  // namespace orderly::service
