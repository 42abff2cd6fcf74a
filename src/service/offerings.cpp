#include "service/offerings.hpp"

#include <regex>

#include "domain/error.hpp"
#include "domain/permissions.hpp"
#include "domain/transitions.hpp"
#include "service/customers.hpp"
#include "service/secrets.hpp"

namespace orderly::service {
namespace {

std::vector<domain::OfferingState> PublicStates() {
  std::vector<domain::OfferingState> states;
  for (const auto& entry : domain::OfferingStates()) {
    if (domain::OfferingOnSale(entry.value)) states.push_back(entry.value);
  }
  return states;
}

void ValidateOffering(const NewOffering& input) {
  std::vector<FieldError> errors;
  if (input.name.empty() || input.name.size() > 150) {
    errors.push_back({"name", "Name must be 1 to 150 characters."});
  }
  if (!input.plugin_options.is_object()) {
    errors.push_back({"plugin_options", "Must be a JSON object."});
  }
  if (!input.secret_options.is_object()) {
    errors.push_back({"secret_options", "Must be a JSON object."});
  }
  std::vector<std::string> seen;
  for (const auto& component : input.components) {
    if (component.type.empty()) errors.push_back({"components", "Each component needs a type."});
    if (std::find(seen.begin(), seen.end(), component.type) != seen.end()) {
      errors.push_back({"components", "Component type '" + component.type + "' is repeated."});
    }
    seen.push_back(component.type);
    if (component.min_value && component.max_value && *component.min_value > *component.max_value) {
      errors.push_back({"components", "Component '" + component.type + "' has min_value above max_value."});
    }
  }
  static const std::regex kPrice(R"(^\d{1,12}(\.\d{1,10})?$)");
  for (const auto& plan : input.plans) {
    if (plan.name.empty()) errors.push_back({"plans", "Each plan needs a name."});
    if (!std::regex_match(plan.unit_price, kPrice)) {
      errors.push_back({"plans", "unit_price must be a non-negative decimal number."});
    }
    if (plan.max_amount && *plan.max_amount < 1) {
      errors.push_back({"plans", "max_amount must be at least 1."});
    }
  }
  if (!errors.empty()) throw Error(ErrorCode::kInvalidInput, std::move(errors));
}

domain::Subject SubjectOf(const domain::Offering& offering) {
  return {.customer_id = offering.customer_id,
          .offering_id = offering.id,
          .offering_customer_id = offering.customer_id};
}

domain::Offering VisibleOffering(store::Transaction& tx, const domain::Actor& actor,
                                 const std::string& uuid, bool include_public) {
  auto offerings = tx.Offerings();
  auto offering = offerings.FindByUuid(uuid);
  const auto states = include_public ? PublicStates() : std::vector<domain::OfferingState>{};
  if (!offering || !offerings.IsVisible(VisibilityOf(actor), offering->id, states)) {
    throw NotFound("Offering not found.");
  }
  return *offering;
}

store::OfferingFilter FilterFor(store::Transaction& tx, const OfferingQuery& query,
                                bool include_public, bool& no_match) {
  store::OfferingFilter filter{.type = query.type, .state = query.state};
  if (include_public) filter.public_states = PublicStates();
  if (!query.customer_uuid.empty()) {
    auto customer = tx.Customers().FindByUuid(query.customer_uuid);
    no_match = !customer.has_value();
    if (customer) filter.customer_id = customer->id;
  }
  return filter;
}

}  // namespace

domain::Offering CreateOffering(Context& context, const domain::Actor& actor,
                                const NewOffering& input) {
  return context.store.Write([&](store::Transaction& tx) {
    const domain::Customer customer = ReferencedCustomer(tx, actor, "customer", input.customer_uuid);
    Require(actor, domain::Action::kCreateOffering, {.customer_id = customer.id});
    if (!tx.Customers().FindProviderByCustomer(customer.id)) {
      throw InvalidField("customer", "This organization is not a service provider.");
    }
    ValidateOffering(input);
    domain::Offering offering{.uuid = NewUuid(),
                              .name = input.name,
                              .customer_id = customer.id,
                              .customer_uuid = customer.uuid,
                              .customer_name = customer.name,
                              .type = input.type,
                              .state = domain::OfferingState::kDraft,
                              .shared = input.shared,
                              .billable = input.billable,
                              .backend_id = input.backend_id,
                              .plugin_options = input.plugin_options,
                              .secret_options = input.secret_options,
                              .components = input.components,
                              .plans = {},
                              .created = context.clock.Now()};
    for (const auto& plan : input.plans) {
      offering.plans.push_back(domain::Plan{.uuid = NewUuid(),
                                            .name = plan.name,
                                            .unit_price = plan.unit_price,
                                            .max_amount = plan.max_amount,
                                            .backend_id = plan.backend_id});
    }
    tx.Offerings().Insert(offering);
    return offering;
  });
}

domain::Offering ChangeOfferingState(Context& context, const domain::Actor& actor,
                                     const std::string& uuid, domain::Action action) {
  return context.store.Write([&](store::Transaction& tx) {
    domain::Offering offering = VisibleOffering(tx, actor, uuid, false);
    Require(actor, action, SubjectOf(offering));
    const auto next = domain::NextOfferingState(action, offering.state);
    if (!next) {
      std::string allowed;
      for (auto state : domain::OfferingStatesAllowing(action)) {
        allowed += (allowed.empty() ? "" : ", ") + std::string(domain::NameOf(state));
      }
      throw Error(ErrorCode::kStateConflict, "Valid states for operation: " + allowed + ".");
    }
    tx.Offerings().UpdateState(offering.id, *next);
    offering.state = *next;
    return offering;
  });
}

domain::Offering GetProviderOffering(Context& context, const domain::Actor& actor,
                                     const std::string& uuid) {
  return context.store.Read(
      [&](store::Transaction& tx) { return VisibleOffering(tx, actor, uuid, false); });
}

domain::Offering GetPublicOffering(Context& context, const domain::Actor& actor,
                                   const std::string& uuid) {
  return context.store.Read(
      [&](store::Transaction& tx) { return VisibleOffering(tx, actor, uuid, true); });
}

store::Page<domain::Offering> ListProviderOfferings(Context& context, const domain::Actor& actor,
                                                    const OfferingQuery& query,
                                                    const store::ListOptions& options) {
  return context.store.Read([&](store::Transaction& tx) {
    bool no_match = false;
    auto filter = FilterFor(tx, query, false, no_match);
    if (no_match) return store::Page<domain::Offering>{};
    return tx.Offerings().List(VisibilityOf(actor), filter, options);
  });
}

store::Page<domain::Offering> ListPublicOfferings(Context& context, const domain::Actor& actor,
                                                  const OfferingQuery& query,
                                                  const store::ListOptions& options) {
  return context.store.Read([&](store::Transaction& tx) {
    bool no_match = false;
    auto filter = FilterFor(tx, query, true, no_match);
    if (no_match) return store::Page<domain::Offering>{};
    return tx.Offerings().List(VisibilityOf(actor), filter, options);
  });
}

domain::Plan GetPlan(Context& context, const domain::Actor& actor, const std::string& uuid) {
  return context.store.Read([&](store::Transaction& tx) {
    auto plan = tx.Offerings().FindPlanByUuid(uuid);
    if (!plan) throw NotFound("Plan not found.");
    auto offering = tx.Offerings().FindById(plan->offering_id);
    if (!offering || !tx.Offerings().IsVisible(VisibilityOf(actor), offering->id, PublicStates())) {
      throw NotFound("Plan not found.");
    }
    return *plan;
  });
}

}  // namespace orderly::service
