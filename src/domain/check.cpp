#include "domain/check.hpp"

#include "domain/capabilities.hpp"
#include "domain/lifecycle.hpp"

namespace orderly::domain {
namespace {

constexpr const char* kNoPermission = "You do not have permission to perform this action.";

std::optional<Error> CheckPreconditions(unsigned preconditions, bool customer_blocked,
                                        bool project_expired, const std::string& project_name) {
  if ((preconditions & kNeedsUnblockedCustomer) && customer_blocked) {
    return Error(ErrorCode::kInvalidInput, "Blocked organization is not available.");
  }
  if ((preconditions & kNeedsLiveProject) && project_expired) {
    return Error(ErrorCode::kInvalidInput, "Project '" + project_name + "' is expired.");
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> CheckOrderAction(const Actor& actor, OrderAction action, const OrderFacts& facts) {
  const Id creator = facts.order.created_by.value_or(0);
  if (!MayTake(actor, PermissionFor(action), facts.subject, creator)) {
    return Error(ErrorCode::kForbidden, kNoPermission);
  }
  const OrderTransition& transition = TransitionOf(action);
  if (auto failed = CheckPreconditions(transition.preconditions, facts.customer_blocked,
                                       facts.project_expired, facts.project_name)) {
    return failed;
  }
  if (!Allows(transition.from, facts.order.state)) {
    return Error(ErrorCode::kStateConflict, StateConflictMessage(transition.from));
  }
  const bool wrong_order_type = transition.only_type && *transition.only_type != facts.order.type;
  if (!Supports(facts.offering_type, action) || wrong_order_type) {
    if (transition.unsupported_type_is_conflict) {
      return Error(ErrorCode::kStateConflict,
                   "This action applies only to executing Terminate orders of remote offerings.");
    }
    return Error(ErrorCode::kNotSupported, NotSupportedMessage(facts.offering_type, action));
  }
  return std::nullopt;
}

std::optional<Error> CheckResourceAction(const Actor& actor, ResourceAction action,
                                         const ResourceFacts& facts) {
  if (!MayTake(actor, PermissionFor(action), facts.subject)) {
    return Error(ErrorCode::kForbidden, kNoPermission);
  }
  const ResourceTransition& transition = TransitionOf(action);
  if (auto failed = CheckPreconditions(transition.preconditions, facts.customer_blocked, false, "")) {
    return failed;
  }
  if (!Allows(transition.from, facts.resource.state)) {
    return Error(ErrorCode::kStateConflict, StateConflictMessage(transition.from));
  }
  return std::nullopt;
}

std::vector<std::string> AvailableOrderActions(const Actor& actor, const OrderFacts& facts) {
  std::vector<std::string> available;
  for (OrderAction action : ListedOrderActions()) {
    if (!CheckOrderAction(actor, action, facts)) available.emplace_back(NameOf(action));
  }
  return available;
}

std::vector<std::string> AvailableResourceActions(const Actor& actor, const ResourceFacts& facts) {
  std::vector<std::string> available;
  for (ResourceAction action : ListedResourceActions()) {
    if (!CheckResourceAction(actor, action, facts)) available.emplace_back(NameOf(action));
  }
  return available;
}

void RequireOrderAction(const Actor& actor, OrderAction action, const OrderFacts& facts) {
  if (auto error = CheckOrderAction(actor, action, facts)) throw *error;
}

void RequireResourceAction(const Actor& actor, ResourceAction action, const ResourceFacts& facts) {
  if (auto error = CheckResourceAction(actor, action, facts)) throw *error;
}

}  // namespace orderly::domain
