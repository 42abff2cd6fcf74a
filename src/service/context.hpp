#pragma once

#include "domain/actor.hpp"
#include "domain/clock.hpp"
#include "domain/permissions.hpp"
#include "store/store.hpp"

namespace orderly::service {

class ExecutionHook;

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
};

inline store::Visibility VisibilityOf(const domain::Actor& actor) {
  return store::Visibility{.everything = domain::SeesEverything(actor), .user_id = actor.user_id};
}

// Throws Error(kForbidden) unless the actor may take the action on the subject.
void Require(const domain::Actor& actor, domain::Action action, const domain::Subject& subject);

}  // namespace orderly::service
