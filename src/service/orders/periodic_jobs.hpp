#pragma once

#include "service/context.hpp"

namespace orderly::service {

struct PeriodicReport {
  int pending_project_released = 0;
  int pending_start_date_released = 0;
  int timed_out = 0;
  int remote_pulls_queued = 0;  // followed orders (Remote) whose backend order is pulled again
};

// Releases pending-project orders whose project has started and pending-start-date orders whose
// date has come (domain.md §3.7), and fails executing orders of automated types that exceeded
// the execution time-out (processing.md §10), and queues a pull of every followed order
// (processing.md §9.4 pull_orders). Each order moves in its own transaction.
PeriodicReport RunPeriodicJobs(Context& context);
// Only the pending-project part, for when a project's start date moves (§3.7: clearing it
// releases the project's orders at once).
int ReleaseStartedProjects(Context& context);

// The same on a staff request (POST /api/periodic-jobs/run/).
PeriodicReport RunPeriodicJobs(Context& context, const domain::Actor& actor);

}  // namespace orderly::service
