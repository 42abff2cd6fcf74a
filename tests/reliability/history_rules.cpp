#include "history_rules.hpp"

#include <array>
#include <deque>

#include "domain/enum_table.hpp"
#include "domain/event_types.hpp"
#include "domain/order_moves.hpp"

namespace orderly::testing {
namespace {

using domain::OrderState;
using domain::ResourceState;

constexpr std::array kOutcomes{
    domain::OrderOutcome::kCreated,         domain::OrderOutcome::kDone,
    domain::OrderOutcome::kProcessorFailed, domain::OrderOutcome::kMarkedErred,
    domain::OrderOutcome::kRejected,        domain::OrderOutcome::kCanceled,
    domain::OrderOutcome::kRetried};

// The resource states the domain prescribes after an order outcome logged as `event_type`. The
// backend id the resource had then is not in the log, so both answers count.
std::set<ResourceState> PrescribedAfter(std::string_view event_type, const domain::Order& order,
                                        ResourceState from) {
  std::set<ResourceState> states;
  for (auto outcome : kOutcomes) {
    if (domain::ResourceEventType(outcome, order.type) != event_type) continue;
    for (const char* backend_id : {"", "backend"}) {
      domain::Resource resource;
      resource.state = from;
      resource.backend_id = backend_id;
      states.insert(domain::ResourceStateAfter(outcome, order, resource));
    }
  }
  return states;
}

std::string Names(const std::set<ResourceState>& states) {
  std::string names;
  for (auto state : states)
    names += (names.empty() ? "" : ", ") + std::string(domain::NameOf(state));
  return names;
}

}  // namespace

std::optional<OrderState> OrderStateNamed(std::string_view name) {
  return domain::EnumByName(domain::OrderStates(), name);
}

std::optional<ResourceState> ResourceStateNamed(std::string_view name) {
  return domain::EnumByName(domain::ResourceStates(), name);
}

std::set<OrderState> StatesAfter(domain::OrderAction action) {
  const auto states = domain::StatesAfter(action);
  return {states.begin(), states.end()};
}

std::set<OrderState> ReachableFrom(const std::set<OrderState>& states) {
  std::set<OrderState> reached = states;
  std::deque<OrderState> next(states.begin(), states.end());
  while (!next.empty()) {
    const OrderState from = next.front();
    next.pop_front();
    for (const auto& move : domain::LegalOrderMoves()) {
      if (move.from == from && reached.insert(move.to).second) next.push_back(move.to);
    }
  }
  return reached;
}

std::string ReplayOrderLog(const nlohmann::json& events, std::string_view current) {
  if (events.empty() || events[0].value("event_type", "") != domain::kOrderCreatedEvent) {
    return "the log does not start with " + std::string(domain::kOrderCreatedEvent);
  }
  auto state = OrderStateNamed(events[0]["context"].value("to_state", ""));
  if (!state) return "the creation names no state: " + events[0].dump();
  for (std::size_t i = 1; i < events.size(); ++i) {
    const auto& context = events[i]["context"];
    if (!context.is_object() || !context.contains("from_state") || !context.contains("to_state")) {
      continue;  // an event that moves nothing (retried job, backend id, ...)
    }
    const auto from = OrderStateNamed(context.value("from_state", ""));
    const auto to = OrderStateNamed(context.value("to_state", ""));
    if (!from || !to) return "unknown state in " + events[i].dump();
    if (*from != *state) {
      return "event " + std::to_string(i) + " moves from " + std::string(domain::NameOf(*from)) +
             " but the log had reached " + std::string(domain::NameOf(*state));
    }
    // The same definition of a legal move as the guard in service::Workflow::MoveOrder.
    if (!domain::IsLegalOrderMove(*from, *to)) {
      return "event " + std::to_string(i) +
             " makes a move the domain does not allow: " + events[i].dump();
    }
    state = to;
  }
  if (domain::NameOf(*state) != current) {
    return "the log ends in " + std::string(domain::NameOf(*state)) + " but the order is " +
           std::string(current);
  }
  return "";
}

std::string ReplayResourceLog(const nlohmann::json& events, const nlohmann::json& resource,
                              const std::map<std::string, nlohmann::json>& orders) {
  std::optional<ResourceState> state;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& event = events[i];
    const auto& context = event["context"];
    if (!context.is_object() || !context.contains("from_state") || !context.contains("to_state"))
      continue;
    const auto from = ResourceStateNamed(context.value("from_state", ""));
    const auto to = ResourceStateNamed(context.value("to_state", ""));
    if (!from || !to) return "unknown state in " + event.dump();
    if (state && *from != *state) {
      return "event " + std::to_string(i) + " moves from " + std::string(domain::NameOf(*from)) +
             " but the log had reached " + std::string(domain::NameOf(*state));
    }
    if (!context.contains("order_uuid") && !domain::IsLegalResourceMove(*from, *to)) {
      return "event " + std::to_string(i) +
             " makes a repair no resource action allows: " + event.dump();
    }
    if (context.contains("order_uuid")) {
      const auto found = orders.find(context.value("order_uuid", ""));
      if (found == orders.end())
        return "event " + std::to_string(i) + " names an order not of this resource";
      domain::Order order;
      order.type = domain::EnumByName(domain::OrderTypes(), found->second.value("type", ""))
                       .value_or(domain::OrderType::kCreate);
      order.attributes = found->second.value("attributes", nlohmann::json::object());
      const auto prescribed = PrescribedAfter(event.value("event_type", ""), order, *from);
      if (!prescribed.contains(*to)) {
        return "event " + std::to_string(i) + " (" + event.value("event_type", "") + ") moves to " +
               std::string(domain::NameOf(*to)) + "; the domain prescribes " + Names(prescribed);
      }
    }
    state = to;
  }
  const std::string current = resource.value("state", "");
  if (state && domain::NameOf(*state) != current) {
    return "the log ends in " + std::string(domain::NameOf(*state)) + " but the resource is " +
           current;
  }
  return "";
}

}  // namespace orderly::testing
