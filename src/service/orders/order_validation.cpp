#include "service/orders/order_validation.hpp"

#include <cstdint>
#include <limits>

#include "domain/dates.hpp"
#include "domain/error.hpp"
#include "domain/lifecycle.hpp"
#include "domain/state_rules.hpp"
#include "service/orders/order_lookup.hpp"

namespace orderly::service {

void ValidateLimits(const domain::Offering& offering, const nlohmann::json& limits,
                    const std::string& field) {
  if (!limits.is_object())
    throw InvalidField(field, "Expected a JSON object of component: amount.");
  std::string unknown;
  std::vector<FieldError> errors;
  for (const auto& [key, value] : limits.items()) {
    const domain::OfferingComponent* component = nullptr;
    for (const auto& candidate : offering.components) {
      if (candidate.type == key && candidate.billing_type == domain::BillingType::kLimit)
        component = &candidate;
    }
    if (component == nullptr) {
      unknown += (unknown.empty() ? "" : ", ") + key;
      continue;
    }
    if (!value.is_number_integer()) {
      errors.push_back({field, "Limit '" + key + "' must be a whole number."});
      continue;
    }
    // Above the signed range the parser keeps it unsigned; as long long it would turn negative.
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<long long>::max())) {
      errors.push_back({field, "Limit '" + key + "' is too large."});
      continue;
    }
    const long long amount = value.get<long long>();
    if (component->min_value && amount < *component->min_value) {
      errors.push_back({field, "Limit '" + key + "' must be at least " +
                                   std::to_string(*component->min_value) + "."});
    }
    if (component->max_value && amount > *component->max_value) {
      errors.push_back({field, "Limit '" + key + "' must be at most " +
                                   std::to_string(*component->max_value) + "."});
    }
    if (!component->min_value && amount < 0) {
      errors.push_back({field, "Limit '" + key + "' must not be negative."});
    }
  }
  if (!unknown.empty()) {
    errors.insert(errors.begin(),
                  {field, "Unknown limit components: " + unknown +
                              ". Limits apply to the offering's components billed by limit."});
  }
  if (!errors.empty()) throw Error(ErrorCode::kInvalidInput, std::move(errors));
}

domain::Plan ValidatePlan(store::Transaction& tx, const domain::Offering& offering,
                          const std::string& plan_uuid) {
  const auto plan = tx.Offerings().FindPlanByUuid(plan_uuid);
  if (!plan || plan->offering_id != offering.id || plan->archived) {
    throw InvalidField("plan", "This plan is not available for selected offering.");
  }
  if (plan->max_amount &&
      tx.Resources().CountOnPlan(plan->id, domain::ResourceStatesCountingOnPlan()) >=
          *plan->max_amount) {
    throw InvalidField("plan", "The limit of resources for this plan has been reached.");
  }
  return *plan;
}

void ValidateOrderPlacement(const domain::Customer& customer, const domain::Offering& offering,
                            const domain::Project& project, domain::OrderType type,
                            const std::string& today) {
  if (customer.blocked)
    throw Error(ErrorCode::kInvalidInput, "Blocked organization is not available.");
  if (!domain::OfferingAccepts(offering.state, type)) {
    throw InvalidField("offering", "Offering is not available.");
  }
  if (type != domain::OrderType::kTerminate &&
      domain::ProjectExpired(project.end_date ? &*project.end_date : nullptr, today)) {
    throw Error(ErrorCode::kInvalidInput, "Project '" + project.name + "' is expired.");
  }
}

void ValidateStartDate(const std::string& start_date, const domain::Project& project,
                       const std::string& today) {
  if (!domain::IsIsoDate(start_date))
    throw InvalidField("start_date", "Date has wrong format. Use YYYY-MM-DD.");
  if (start_date < today) throw InvalidField("start_date", "Start date cannot be in the past.");
  if (project.start_date && start_date < *project.start_date) {
    throw InvalidField("start_date", "Start date cannot be earlier than the project start date.");
  }
  if (project.end_date && start_date > *project.end_date) {
    throw InvalidField("start_date", "Start date cannot be later than the project end date.");
  }
}

void RequireNoOpenOrder(store::Transaction& tx, domain::Id resource_id) {
  if (tx.Orders().OpenOrderOf(resource_id, OpenOrderStates())) {
    throw Error(ErrorCode::kInvalidInput, "Pending order for resource already exists.");
  }
}

}  // namespace orderly::service
