#pragma once

#include "domain/actor.hpp"
#include "domain/clock.hpp"
#include "domain/permissions.hpp"
#include "store/store.hpp"

namespace orderly::service {

// What every use case needs: the store to work in and the time to stamp changes with.
struct Context {
  store::Store& store;
  const domain::Clock& clock;
};

inline store::Visibility VisibilityOf(const domain::Actor& actor) {
  return store::Visibility{.everything = domain::SeesEverything(actor), .user_id = actor.user_id};
}

// Throws Error(kForbidden) unless the actor may take the action on the subject.
void Require(const domain::Actor& actor, domain::Action action, const domain::Subject& subject);

}  // namespace orderly::service
