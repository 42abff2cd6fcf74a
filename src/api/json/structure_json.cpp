#include "api/json/structure_json.hpp"

#include "api/json/body.hpp"
#include "domain/error.hpp"

namespace orderly::api::json {
namespace {

nlohmann::json OptionalDate(const std::optional<std::string>& date) {
  return date ? nlohmann::json(*date) : nlohmann::json(nullptr);
}

// Re-labels a field error from inside a list item so the client sees which list it came from.
template <typename Parse>
auto InList(const std::string& list, std::size_t index, Parse&& parse) {
  try {
    return parse();
  } catch (const Error& error) {
    throw InvalidField(list, "Item " + std::to_string(index) + ": " + error.field() + ": " +
                                 error.message());
  }
}

}  // namespace

nlohmann::json UserJson(const Links& links, const domain::User& user) {
  return {{"url", links.Object("users", user.uuid)},
          {"uuid", user.uuid},
          {"username", user.username},
          {"full_name", user.full_name},
          {"email", user.email},
          {"is_staff", user.is_staff},
          {"is_support", user.is_support},
          {"is_active", user.is_active},
          {"date_joined", user.date_joined}};
}

nlohmann::json CustomerJson(const Links& links, const domain::Customer& customer) {
  return {{"url", links.Object("customers", customer.uuid)},
          {"uuid", customer.uuid},
          {"name", customer.name},
          {"email", customer.email},
          {"blocked", customer.blocked},
          {"created", customer.created}};
}

nlohmann::json ProjectJson(const Links& links, const domain::Project& project) {
  return {{"url", links.Object("projects", project.uuid)},
          {"uuid", project.uuid},
          {"name", project.name},
          {"description", project.description},
          {"customer", links.Object("customers", project.customer_uuid)},
          {"customer_uuid", project.customer_uuid},
          {"customer_name", project.customer_name},
          {"start_date", OptionalDate(project.start_date)},
          {"end_date", OptionalDate(project.end_date)},
          {"backend_id", project.backend_id},
          {"created", project.created}};
}

nlohmann::json ServiceProviderJson(const Links& links, const domain::ServiceProvider& provider) {
  return {{"url", links.Object("marketplace-service-providers", provider.uuid)},
          {"uuid", provider.uuid},
          {"customer", links.Object("customers", provider.customer_uuid)},
          {"customer_uuid", provider.customer_uuid},
          {"customer_name", provider.customer_name},
          {"created", provider.created}};
}

nlohmann::json PlanJson(const Links& links, const domain::Plan& plan) {
  return {{"url", links.Object("marketplace-plans", plan.uuid)},
          {"uuid", plan.uuid},
          {"name", plan.name},
          {"unit_price", plan.unit_price},
          {"max_amount", plan.max_amount ? nlohmann::json(*plan.max_amount) : nlohmann::json(nullptr)},
          {"backend_id", plan.backend_id},
          {"archived", plan.archived}};
}

nlohmann::json OfferingJson(const Links& links, const domain::Offering& offering,
                            bool with_secrets) {
  auto components = nlohmann::json::array();
  for (const auto& component : offering.components) {
    components.push_back(
        {{"type", component.type},
         {"name", component.name},
         {"measured_unit", component.measured_unit},
         {"billing_type", domain::NameOf(component.billing_type)},
         {"min_value", component.min_value ? nlohmann::json(*component.min_value) : nlohmann::json(nullptr)},
         {"max_value", component.max_value ? nlohmann::json(*component.max_value) : nlohmann::json(nullptr)}});
  }
  auto plans = nlohmann::json::array();
  for (const auto& plan : offering.plans) plans.push_back(PlanJson(links, plan));
  nlohmann::json json = {{"url", links.Object("marketplace-provider-offerings", offering.uuid)},
                         {"uuid", offering.uuid},
                         {"name", offering.name},
                         {"customer", links.Object("customers", offering.customer_uuid)},
                         {"customer_uuid", offering.customer_uuid},
                         {"customer_name", offering.customer_name},
                         {"type", domain::NameOf(offering.type)},
                         {"state", domain::NameOf(offering.state)},
                         {"shared", offering.shared},
                         {"billable", offering.billable},
                         {"backend_id", offering.backend_id},
                         {"plugin_options", offering.plugin_options},
                         {"components", std::move(components)},
                         {"plans", std::move(plans)},
                         {"created", offering.created}};
  if (with_secrets) json["secret_options"] = offering.secret_options;
  return json;
}

nlohmann::json RoleJson(const Links& links, const store::RoleRecord& role) {
  return {{"url", links.Object("roles", role.uuid)},
          {"uuid", role.uuid},
          {"name", domain::InfoOf(role.role).name},
          {"scope_type", domain::NameOf(domain::InfoOf(role.role).scope)},
          {"permissions", role.permissions}};
}

nlohmann::json ScopeUserJson(const Links& links, const service::ScopeUser& scope_user) {
  return {{"user", links.Object("users", scope_user.user.uuid)},
          {"user_uuid", scope_user.user.uuid},
          {"user_username", scope_user.user.username},
          {"user_full_name", scope_user.user.full_name},
          {"role", domain::InfoOf(scope_user.grant.role).name},
          {"created", scope_user.grant.created}};
}

std::vector<domain::OfferingComponent> ComponentsFromJson(const nlohmann::json& items) {
  std::vector<domain::OfferingComponent> components;
  for (std::size_t i = 0; i < items.size(); ++i) {
    components.push_back(InList("components", i, [&] {
      const auto& item = items[i];
      if (!item.is_object()) throw InvalidField("", "Expected a JSON object.");
      domain::OfferingComponent component;
      component.type = RequiredString(item, "type");
      component.name = OptionalString(item, "name").value_or(component.type);
      component.measured_unit = OptionalString(item, "measured_unit").value_or("");
      const std::string billing = RequiredString(item, "billing_type");
      const auto billing_type = domain::EnumByName(domain::BillingTypes(), billing);
      if (!billing_type) throw InvalidField("billing_type", "Must be limit, usage or fixed.");
      component.billing_type = *billing_type;
      component.min_value = OptionalInteger(item, "min_value");
      component.max_value = OptionalInteger(item, "max_value");
      return component;
    }));
  }
  return components;
}

std::vector<service::NewPlan> PlansFromJson(const nlohmann::json& items) {
  std::vector<service::NewPlan> plans;
  for (std::size_t i = 0; i < items.size(); ++i) {
    plans.push_back(InList("plans", i, [&] {
      const auto& item = items[i];
      if (!item.is_object()) throw InvalidField("", "Expected a JSON object.");
      return service::NewPlan{.name = RequiredString(item, "name"),
                              .unit_price = OptionalDecimal(item, "unit_price").value_or("0"),
                              .max_amount = OptionalInteger(item, "max_amount"),
                              .backend_id = OptionalString(item, "backend_id").value_or("")};
    }));
  }
  return plans;
}

}  // namespace orderly::api::json
