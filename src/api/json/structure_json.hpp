#pragma once

#include <nlohmann/json.hpp>

#include "api/json/links.hpp"
#include "domain/offering.hpp"
#include "domain/structure.hpp"
#include "service/offerings.hpp"
#include "service/roles.hpp"

namespace orderly::api::json {

// Waldur's field names for the organization model; the only place they are spelled.
nlohmann::json UserJson(const Links& links, const domain::User& user);
nlohmann::json CustomerJson(const Links& links, const domain::Customer& customer);
nlohmann::json ProjectJson(const Links& links, const domain::Project& project);
nlohmann::json ServiceProviderJson(const Links& links, const domain::ServiceProvider& provider);
nlohmann::json PlanJson(const Links& links, const domain::Plan& plan);
nlohmann::json OfferingJson(const Links& links, const domain::Offering& offering, bool with_secrets);
nlohmann::json RoleJson(const Links& links, const store::RoleRecord& role);
nlohmann::json ScopeUserJson(const Links& links, const service::ScopeUser& scope_user);

// Parses the components and plans lists of an offering request.
std::vector<domain::OfferingComponent> ComponentsFromJson(const nlohmann::json& items);
std::vector<service::NewPlan> PlansFromJson(const nlohmann::json& items);

}  // namespace orderly::api::json
