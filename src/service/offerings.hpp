#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/offering.hpp"
#include "service/context.hpp"

namespace orderly::service {

struct NewPlan {
  std::string name;
  std::string unit_price = "0";
  std::optional<long long> max_amount;
  std::string backend_id;
};

struct NewOffering {
  std::string name;
  std::string customer_uuid;
  domain::OfferingType type = domain::OfferingType::kBasic;
  bool shared = true;
  bool billable = true;
  std::string backend_id;
  nlohmann::json plugin_options = nlohmann::json::object();
  nlohmann::json secret_options = nlohmann::json::object();
  std::vector<domain::OfferingComponent> components;
  std::vector<NewPlan> plans;
};

struct OfferingQuery {
  std::string customer_uuid;
  std::optional<domain::OfferingType> type;
  std::optional<domain::OfferingState> state;
};

domain::Offering CreateOffering(Context& context, const domain::Actor& actor, const NewOffering& input);
// activate, pause or archive.
domain::Offering ChangeOfferingState(Context& context, const domain::Actor& actor,
                                     const std::string& uuid, domain::Action action);
// The provider's view: only offerings the actor manages (or all for staff and support).
domain::Offering GetProviderOffering(Context& context, const domain::Actor& actor,
                                     const std::string& uuid);
store::Page<domain::Offering> ListProviderOfferings(Context& context, const domain::Actor& actor,
                                                    const OfferingQuery& query,
                                                    const store::ListOptions& options);
// The public catalogue: shared offerings on sale, plus those the actor manages.
domain::Offering GetPublicOffering(Context& context, const domain::Actor& actor, const std::string& uuid);
store::Page<domain::Offering> ListPublicOfferings(Context& context, const domain::Actor& actor,
                                                  const OfferingQuery& query,
                                                  const store::ListOptions& options);
// A plan, visible when its offering is.
domain::Plan GetPlan(Context& context, const domain::Actor& actor, const std::string& uuid);

}  // namespace orderly::service
