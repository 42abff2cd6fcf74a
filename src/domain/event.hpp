#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/ids.hpp"

namespace orderly::domain {

enum class EventScope { kOrder, kResource, kUser };

inline std::string_view NameOf(EventScope scope) {
  switch (scope) {
    case EventScope::kOrder: return "order";
    case EventScope::kResource: return "resource";
    case EventScope::kUser: return "user";
  }
  return "order";
}

// One entry of the log of every transition and action (spec clarification 9).
struct Event {
  Uuid uuid;
  std::string created;
  std::string event_type;  // processing.md §11 names where it gives them
  std::string message;
  Uuid actor_uuid;  // empty for the system (periodic jobs, workers)
  std::string actor_username;
  EventScope scope_type = EventScope::kOrder;
  Uuid scope_uuid;
  // from_state, to_state, error_message, error_traceback where they apply.
  nlohmann::json context = nlohmann::json::object();
};

}  // namespace orderly::domain
