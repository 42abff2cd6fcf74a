// The world the authorization matrix probes: one consumer organization with a project, one provider
// with offerings, a caller per role (and the callers who are not signed in properly), the objects
// each route is tried on, and the domain model of all of it, so that the expected statuses can be
// asked of src/domain's rule tables instead of being restated here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "api_fixture.hpp"
#include "domain/actor.hpp"
#include "domain/check.hpp"
#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "domain/permissions.hpp"

namespace orderly::testing::authz {

// Ids of the domain model; only their equality matters to the rule tables.
inline constexpr domain::Id kConsumer = 1;
inline constexpr domain::Id kProvider = 2;
inline constexpr domain::Id kProject = 10;
inline constexpr domain::Id kSupportOffering = 20;   // Support.OfferingTemplate, Active
inline constexpr domain::Id kArchivedOffering = 21;  // Marketplace.Basic, starts Archived
inline constexpr domain::Id kRemoteOffering = 22;    // Waldur.RemoteOffering, Draft, with secrets
inline constexpr domain::Id kElsewhere = 3;          // an organization with nothing to do here

struct Caller {
  std::string name;
  // Not signed in properly: the headers are all there is and every protected route is a 401.
  bool authenticated = true;
  httplib::Headers headers;
  std::string token;
  domain::Actor actor;
};

// What the world holds, by uuid, and the model the expectations are computed from.
struct World {
  std::string consumer, provider, project, service_provider;
  std::string support_offering, support_plan, archived_offering, remote_offering;
  std::string rejected_order;  // Support Create order, rejected; its resource is Terminated
  std::string resource;        // that order's resource
  std::string unlinked_order;  // the same again, for the staff-only unlink of orders
  std::string unlinked_consumer_resource, unlinked_provider_resource;  // and of resources
  std::string executing_order;  // the consumer owner's Support order, executing (resource Creating)
  std::string executing_resource;
  domain::Id executing_creator = 0;
  std::string issue;       // the helpdesk issue of the executing order
  std::string role;        // the CUSTOMER.OWNER role of /api/roles/
  std::string owner_user;  // the consumer owner's user uuid
  std::string deactivated_password;
  std::vector<std::string> secret_offerings;  // offerings that hold secret_options
  domain::OfferingState archived_state = domain::OfferingState::kArchived;
  domain::Id order_creator = 0;  // the project manager, who placed the rejected orders

  // Every secret value the world was built with (passwords, tokens, secret_options values).
  std::vector<std::string> secrets;
  // The secret_options of each secret offering, as staff must see them.
  std::map<std::string, nlohmann::json> secret_options;

  std::vector<Caller> callers;  // staff last: its successes (unlink) remove objects

  domain::Subject OrderSubject() const {
    return {.customer_id = kConsumer,
            .project_id = kProject,
            .offering_id = kSupportOffering,
            .offering_customer_id = kProvider};
  }
  domain::Order RejectedOrder() const;
  domain::Resource TerminatedResource() const;
};

// Builds the world through the public API of the fixture's server (as staff).
class WorldBuilder {
 public:
  WorldBuilder(ApiClient& api, std::string staff_token, std::string staff_password,
               std::string db_url)
      : api_(api),
        staff_(std::move(staff_token)),
        staff_password_(std::move(staff_password)),
        db_url_(std::move(db_url)) {}

  World Build();

 private:
  struct User {
    std::string uuid;
    std::string token;
    domain::Id id;
  };
  User NewUser(const std::string& name, const nlohmann::json& flags = nlohmann::json::object());
  nlohmann::json Created(const std::string& path, const nlohmann::json& body);
  void Staff(const std::string& path, const nlohmann::json& body = nlohmann::json::object());
  void GrantTo(const User& user, const std::string& collection, const std::string& scope,
               const std::string& role);
  std::string Offering(const std::string& type, const nlohmann::json& secret_options);
  std::string RejectedSupportOrder(const std::string& creator_token);
  std::string Secret(const std::string& what);

  ApiClient& api_;
  std::string staff_;
  std::string staff_password_;
  std::string db_url_;
  World world_;
  domain::Id next_user_id_ = 100;
  domain::RolePermissions grants_;
  std::map<std::string, std::string> passwords_;
};

// Visibility rules (spec domain.md §5.2, §5.3; docs/decisions.md "Visibility"); they are SQL
// clauses in the store, so the spec's words are restated here.
bool HoldsRoleOn(const domain::Actor& actor, domain::ScopeType scope, domain::Id id);
bool SeesCustomer(const domain::Actor& actor, domain::Id customer);
bool SeesProject(const domain::Actor& actor);
bool SeesProviderOffering(const domain::Actor& actor, domain::Id offering);
bool SeesOrder(const domain::Actor& actor, const World& world);
bool SeesConsumerResource(const domain::Actor& actor, const World& world);
bool SeesProviderResource(const domain::Actor& actor);

}  // namespace orderly::testing::authz
