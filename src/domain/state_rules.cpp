#include "domain/state_rules.hpp"

#include <array>

#include "domain/lifecycle.hpp"

namespace orderly::domain {
namespace {

using O = OrderState;
using R = ResourceState;
using C = Completion;

const std::array<OrderStateRule, 9> kOrderStateRules{{
    {.state = O::kPendingConsumer,
     .terminal = false,
     .completion = C::kNever,
     .records_error = false,
     .processing = false},
    {.state = O::kPendingProvider,
     .terminal = false,
     .completion = C::kNever,
     .records_error = false,
     .processing = false},
    {.state = O::kPendingProject,
     .terminal = false,
     .completion = C::kNever,
     .records_error = false,
     .processing = false},
    {.state = O::kPendingStartDate,
     .terminal = false,
     .completion = C::kNever,
     .records_error = false,
     .processing = false},
    {.state = O::kExecuting,
     .terminal = false,
     .completion = C::kNever,
     .records_error = false,
     .processing = true},
    {.state = O::kDone,
     .terminal = true,
     .completion = C::kAlways,
     .records_error = false,
     .processing = false},
    {.state = O::kErred,
     .terminal = true,
     .completion = C::kWhenFailed,
     .records_error = true,
     .processing = false},
    {.state = O::kCanceled,
     .terminal = true,
     .completion = C::kAlways,
     .records_error = false,
     .processing = false},
    {.state = O::kRejected,
     .terminal = true,
     .completion = C::kAlways,
     .records_error = false,
     .processing = false},
}};

const std::array<ResourceStateRule, 6> kResourceStateRules{{
    {.state = R::kCreating, .transitional = true, .counts_on_plan = true},
    {.state = R::kOk, .transitional = false, .counts_on_plan = true},
    {.state = R::kErred, .transitional = false, .counts_on_plan = true},
    {.state = R::kUpdating, .transitional = true, .counts_on_plan = true},
    {.state = R::kTerminating, .transitional = true, .counts_on_plan = true},
    {.state = R::kTerminated, .transitional = false, .counts_on_plan = false},
}};

template <typename Rule, typename State, std::size_t N>
const Rule& Find(const std::array<Rule, N>& rules, State state) {
  for (const auto& rule : rules) {
    if (rule.state == state) return rule;
  }
  return rules.front();  // unreachable: state_rules_test covers every state
}

template <typename Rule, std::size_t N, typename Wanted>
auto StatesWhere(const std::array<Rule, N>& rules, Wanted wanted) {
  std::vector<decltype(rules.front().state)> states;
  for (const auto& rule : rules) {
    if (wanted(rule)) states.push_back(rule.state);
  }
  return states;
}

}  // namespace

std::span<const OrderStateRule> OrderStateRules() { return kOrderStateRules; }
std::span<const ResourceStateRule> ResourceStateRules() { return kResourceStateRules; }
const OrderStateRule& RuleOf(OrderState state) { return Find(kOrderStateRules, state); }
const ResourceStateRule& RuleOf(ResourceState state) { return Find(kResourceStateRules, state); }

bool IsTerminal(OrderState state) { return RuleOf(state).terminal; }
bool BlocksNewOrder(OrderState state) { return !IsTerminal(state); }
bool IsTransitional(ResourceState state) { return RuleOf(state).transitional; }

bool StampsCompletion(OrderState reached, MoveKind kind) {
  switch (RuleOf(reached).completion) {
    case Completion::kNever: return false;
    case Completion::kAlways: return true;
    case Completion::kWhenFailed: return kind == MoveKind::kFail;
  }
  return false;
}

bool RecordsError(OrderState state) { return RuleOf(state).records_error; }
bool JobMayRun(OrderState state) { return RuleOf(state).processing; }

OrderState ProcessingState() {
  for (const auto& rule : kOrderStateRules) {
    if (rule.processing) return rule.state;
  }
  return O::kExecuting;  // unreachable: state_rules_test checks exactly one row says so
}

std::vector<OrderState> OpenOrderStates() {
  return StatesWhere(kOrderStateRules, [](const OrderStateRule& rule) { return !rule.terminal; });
}

std::vector<ResourceState> TransitionalResourceStates() {
  return StatesWhere(kResourceStateRules,
                     [](const ResourceStateRule& rule) { return rule.transitional; });
}

std::vector<ResourceState> ResourceStatesCountingOnPlan() {
  return StatesWhere(kResourceStateRules,
                     [](const ResourceStateRule& rule) { return rule.counts_on_plan; });
}

}  // namespace orderly::domain
