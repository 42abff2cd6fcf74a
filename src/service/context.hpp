#pragma once

#include <string>

#include "domain/actor.hpp"
#include "domain/clock.hpp"
#include "domain/permissions.hpp"
#include "store/store.hpp"

namespace orderly::service {

class ExecutionHook;
class TransitionLog;

// Operating limits set on the command line.
struct Limits {
  int execution_timeout_seconds = 7200;  // processing.md §10: executing orders of automated types
  int stuck_after_seconds = 3600;        // a resource Creating/Updating/Terminating longer is stuck
};

// What every use case needs: the store to work in, the time to stamp changes with, and whom to
// tell when an order starts executing (none in tools that never execute orders).
struct Context {
  store::Store& store;
  const domain::Clock& clock;
  ExecutionHook* execution = nullptr;
  Limits limits = {};
  // Told of every committed order and resource state change (a log line); none in tools.
  TransitionLog* transitions = nullptr;
  // What caused the use case, for the transition log: the API request's X-Request-ID, or the job
  // ("job-<id>"); empty for periodic jobs and tools.
  std::string request_id = {};
};

inline store::Visibility VisibilityOf(const domain::Actor& actor) {
  return store::Visibility{.everything = domain::SeesEverything(actor), .user_id = actor.user_id};
}

// Throws Error(kForbidden) unless the actor may take the action on the subject.
void Require(const domain::Actor& actor, domain::Action action, const domain::Subject& subject);

}  // namespace orderly::service
