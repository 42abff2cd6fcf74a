#pragma once

#include <string>

#include "domain/event.hpp"
#include "domain/permissions.hpp"
#include "service/context.hpp"

namespace orderly::service {

struct EventPage {
  store::Page<domain::Event> page;
  bool with_tracebacks = false;  // clarification 15, for the scope's provider side
};

// The events of an order or resource the actor can see, newest first (clarification 20).
// Events of unlinked objects are for staff and support only.
EventPage ListEvents(Context& context, const domain::Actor& actor, const std::string& scope_uuid,
                     const store::ListOptions& options);

}  // namespace orderly::service
