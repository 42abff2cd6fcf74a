#include "domain/routing.hpp"

#include <algorithm>

#include "domain/permissions.hpp"

namespace orderly::domain {
namespace {

bool Flag(const nlohmann::json& options, const char* key) {
  if (!options.is_object()) return false;
  const auto found = options.find(key);
  return found != options.end() && found->is_boolean() && found->get<bool>();
}

// plugin_options.auto_approve_for_roles: role names that skip consumer review when the creator
// holds one of them on the project or its organization.
bool HoldsAutoApproveRole(const Actor& creator, const nlohmann::json& options,
                          const Project& project) {
  if (!options.is_object() || !options.contains("auto_approve_for_roles")) return false;
  const auto& names = options["auto_approve_for_roles"];
  if (!names.is_array()) return false;
  for (const HeldRole& held : creator.roles) {
    const RoleInfo& info = InfoOf(held.role);
    const bool on_project = info.scope == ScopeType::kProject && held.scope_id == project.id;
    const bool on_customer =
        info.scope == ScopeType::kCustomer && held.scope_id == project.customer_id;
    if (!on_project && !on_customer) continue;
    for (const auto& name : names) {
      if (name.is_string() && name.get<std::string>() == info.name) return true;
    }
  }
  return false;
}

}  // namespace

bool OwnsProvider(const Actor& actor, const Offering& offering) {
  for (const HeldRole& held : actor.roles) {
    if (held.role == Role::kCustomerOwner && held.scope_id == offering.customer_id) return true;
  }
  return false;
}

bool ConsumerReviewNeeded(const Actor& creator, const Offering& offering, const Project& project,
                          OrderType type) {
  const Subject consumer{.customer_id = project.customer_id, .project_id = project.id};
  constexpr unsigned kConsumerSide = kViaProject | kViaCustomer;
  if (creator.is_staff) return false;
  if (!offering.billable && !offering.shared) {
    return !HoldsPermission(creator, "ORDER.APPROVE_PRIVATE", kConsumerSide, consumer);
  }
  const auto& options = offering.plugin_options;
  if (offering.shared && offering.customer_id == project.customer_id &&
      Flag(options, "auto_approve_in_service_provider_projects") &&
      !Flag(options, "disable_autoapprove")) {
    return false;
  }
  if (type == OrderType::kTerminate && OwnsProvider(creator, offering)) return false;
  if (HoldsAutoApproveRole(creator, options, project)) return false;
  return !HoldsPermission(creator, "ORDER.APPROVE", kConsumerSide, consumer);
}

std::vector<OrderState> PossibleRoutes(OrderState (*route)(const RoutingFacts&)) {
  std::vector<OrderState> states;
  for (int bits = 0; bits < 8; ++bits) {
    states.push_back(route({.project_starts_later = (bits & 1) != 0,
                            .provider_review_needed = (bits & 2) != 0,
                            .order_starts_later = (bits & 4) != 0}));
  }
  std::sort(states.begin(), states.end());
  states.erase(std::unique(states.begin(), states.end()), states.end());
  return states;
}

OrderState RouteAfterConsumerApproval(const RoutingFacts& facts) {
  if (facts.project_starts_later) return OrderState::kPendingProject;
  if (facts.provider_review_needed) return OrderState::kPendingProvider;
  if (facts.order_starts_later) return OrderState::kPendingStartDate;
  return OrderState::kExecuting;
}

OrderState RouteAfterProviderApproval(const RoutingFacts& facts) {
  return facts.order_starts_later ? OrderState::kPendingStartDate : OrderState::kExecuting;
}

OrderState RouteWhenProjectStarts(const RoutingFacts& facts) {
  if (facts.provider_review_needed) return OrderState::kPendingProvider;
  return facts.order_starts_later ? OrderState::kPendingStartDate : OrderState::kExecuting;
}

std::string_view ApprovalDetail(OrderState reached) {
  switch (reached) {
    case OrderState::kPendingProject:
      return "Order has been approved and is pending project activation.";
    case OrderState::kPendingProvider:
      return "Order has been approved and is pending provider approval.";
    case OrderState::kPendingStartDate:
      return "Order has been approved and is pending its start date.";
    default: return "Order has been approved and is being processed.";
  }
}

}  // namespace orderly::domain
