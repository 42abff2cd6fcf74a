#include "authz_world.hpp"

#include <random>

#include "domain/roles.hpp"
#include "test_database.hpp"

namespace orderly::testing::authz {
namespace {

using domain::ScopeType;
using nlohmann::json;

std::string RandomHex(int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device random;
  std::string text;
  for (int i = 0; i < digits; ++i) text += kHex[random() % 16];
  return text;
}

httplib::Headers TokenHeader(const std::string& token) {
  return {{"Authorization", "Token " + token}};
}

}  // namespace

domain::Order World::RejectedOrder() const {
  domain::Order order;
  order.type = domain::OrderType::kCreate;
  order.state = domain::OrderState::kRejected;
  order.project_id = kProject;
  order.offering_id = kSupportOffering;
  order.created_by = order_creator;
  return order;
}

domain::Resource World::TerminatedResource() const {
  domain::Resource resource;
  resource.state = domain::ResourceState::kTerminated;
  resource.project_id = kProject;
  resource.offering_id = kSupportOffering;
  return resource;
}

std::string WorldBuilder::Secret(const std::string& what) {
  std::string value = what + "-" + RandomHex(24);
  world_.secrets.push_back(value);
  return value;
}

json WorldBuilder::Created(const std::string& path, const json& body) {
  const auto response = api_.Post(path, body, staff_);
  EXPECT_EQ(response.status, 201) << path << ": " << response.text;
  return response.body;
}

void WorldBuilder::Staff(const std::string& path, const json& body) {
  const auto response = api_.Post(path, body, staff_);
  EXPECT_EQ(response.status / 100, 2) << path << ": " << response.text;
}

WorldBuilder::User WorldBuilder::NewUser(const std::string& name, const json& flags) {
  const std::string password = Secret("password-" + name);
  passwords_[name] = password;
  json body = {{"username", name}, {"password", password}};
  body.update(flags);
  const auto created = Created("/api/users/", body);
  const std::string token = api_.Login(name, password);
  world_.secrets.push_back(token);
  return {created.value("uuid", ""), token, next_user_id_++};
}

void WorldBuilder::GrantTo(const User& user, const std::string& collection,
                           const std::string& scope, const std::string& role) {
  const auto response = api_.Post("/api/" + collection + "/" + scope + "/add_user/",
                                  {{"user", user.uuid}, {"role", role}}, staff_);
  EXPECT_EQ(response.status, 201) << role << ": " << response.text;
}

std::string WorldBuilder::Offering(const std::string& type, const json& secret_options) {
  json body = OfferingBody(world_.provider, type);
  if (!secret_options.empty()) body["secret_options"] = secret_options;
  const auto offering = Created("/api/marketplace-provider-offerings/", body);
  const std::string uuid = offering.value("uuid", "");
  if (!secret_options.empty()) {
    world_.secret_offerings.push_back(uuid);
    world_.secret_options[uuid] = secret_options;
  }
  if (type == "Support.OfferingTemplate") world_.support_plan = offering["plans"][0]["uuid"];
  return uuid;
}

std::string WorldBuilder::RejectedSupportOrder(const std::string& creator_token) {
  const auto created = api_.Post("/api/marketplace-orders/",
                                 {{"project", world_.project},
                                  {"offering", world_.support_offering},
                                  {"plan", world_.support_plan},
                                  {"attributes", {{"name", "matrix"}}},
                                  {"limits", {{"cpu", 2}}}},
                                 creator_token);
  EXPECT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body.value("state", ""), "pending-consumer") << created.text;
  const std::string order = created.body.value("uuid", "");
  Staff("/api/marketplace-orders/" + order + "/reject_by_consumer/");
  return order;
}

World WorldBuilder::Build() {
  // The deployment's role grants, as the server reads them.
  const auto roles = api_.Get("/api/roles/?page_size=300", staff_);
  EXPECT_EQ(roles.status, 200) << roles.text;
  for (const auto& role : roles.body) {
    const auto parsed = domain::RoleByName(role.value("name", ""));
    if (!parsed) continue;
    for (const auto& permission : role["permissions"])
      grants_[*parsed].insert(permission.get<std::string>());
    if (*parsed == domain::Role::kCustomerOwner) world_.role = role.value("uuid", "");
  }

  world_.consumer = Created("/api/customers/", {{"name", "Consumer"}}).value("uuid", "");
  world_.provider = Created("/api/customers/", {{"name", "Provider"}}).value("uuid", "");
  world_.service_provider =
      Created("/api/marketplace-service-providers/", {{"customer", world_.provider}})
          .value("uuid", "");
  const std::string elsewhere =
      Created("/api/customers/", {{"name", "Elsewhere"}}).value("uuid", "");
  world_.project = Created("/api/projects/", {{"customer", world_.consumer}, {"name", "Project"}})
                       .value("uuid", "");

  world_.support_offering = Offering("Support.OfferingTemplate", json::object());
  Staff("/api/marketplace-provider-offerings/" + world_.support_offering + "/activate/");
  world_.archived_offering = Offering("Marketplace.Basic", json::object());
  // Offerings whose secret_options must stay with staff (spec clarifications 12, 13, 19).
  world_.remote_offering =
      Offering("Waldur.RemoteOffering", {{"api_url", "http://127.0.0.1:9/api/"},
                                         {"token", Secret("remote-token")},
                                         {"customer_uuid", RandomHex(32)}});
  Offering("OpenStack.Tenant", {{"backend_url", "http://127.0.0.1:9/v3"},
                                {"username", "admin"},
                                {"password", Secret("openstack-password")}});
  Offering("Marketplace.Rancher",
           {{"backend_url", "http://127.0.0.1:9/v3"}, {"token", Secret("rancher-token")}});
  Offering("Marketplace.Script", {{"language", "shell"},
                                  {"create", "echo " + Secret("script")},
                                  {"update", "true"},
                                  {"terminate", "true"}});

  struct Holder {
    std::string name;
    json flags;
    std::vector<std::tuple<std::string, std::string, std::string, domain::Role, domain::Id>> grants;
  };
  const std::string offerings = "marketplace-provider-offerings";
  const std::vector<Holder> holders = {
      {"support", {{"is_support", true}}, {}},
      {"stranger", json::object(), {}},
      {"consumer-owner",
       json::object(),
       {{"customers", world_.consumer, "CUSTOMER.OWNER", domain::Role::kCustomerOwner, kConsumer}}},
      {"consumer-manager",
       json::object(),
       {{"customers", world_.consumer, "CUSTOMER.MANAGER", domain::Role::kCustomerManager,
         kConsumer}}},
      {"project-admin",
       json::object(),
       {{"projects", world_.project, "PROJECT.ADMIN", domain::Role::kProjectAdmin, kProject}}},
      {"project-manager",
       json::object(),
       {{"projects", world_.project, "PROJECT.MANAGER", domain::Role::kProjectManager, kProject}}},
      {"project-member",
       json::object(),
       {{"projects", world_.project, "PROJECT.MEMBER", domain::Role::kProjectMember, kProject}}},
      {"provider-owner",
       json::object(),
       {{"customers", world_.provider, "CUSTOMER.OWNER", domain::Role::kCustomerOwner, kProvider}}},
      {"provider-manager",
       json::object(),
       {{"customers", world_.provider, "CUSTOMER.MANAGER", domain::Role::kCustomerManager,
         kProvider}}},
      {"offering-manager",
       json::object(),
       {{offerings, world_.support_offering, "OFFERING.MANAGER", domain::Role::kOfferingManager,
         kSupportOffering},
        {offerings, world_.archived_offering, "OFFERING.MANAGER", domain::Role::kOfferingManager,
         kArchivedOffering}}},
      // Roles of the same kinds on other objects must not reach these ones.
      {"elsewhere-owner",
       json::object(),
       {{"customers", elsewhere, "CUSTOMER.OWNER", domain::Role::kCustomerOwner, kElsewhere}}},
      {"other-offering-manager",
       json::object(),
       {{offerings, world_.remote_offering, "OFFERING.MANAGER", domain::Role::kOfferingManager,
         kRemoteOffering}}},
      // Held the consumer's ownership before being deactivated: the role must not outlive that.
      {"deactivated",
       json::object(),
       {{"customers", world_.consumer, "CUSTOMER.OWNER", domain::Role::kCustomerOwner, kConsumer}}},
  };

  std::map<std::string, User> users;
  std::vector<Caller> signed_in;
  for (const Holder& holder : holders) {
    const User user = NewUser(holder.name, holder.flags);
    users[holder.name] = user;
    Caller caller{.name = holder.name, .headers = TokenHeader(user.token), .token = user.token};
    caller.actor.user_id = user.id;
    caller.actor.uuid = user.uuid;
    caller.actor.username = holder.name;
    caller.actor.is_support = holder.flags.value("is_support", false);
    caller.actor.permissions = std::make_shared<const domain::RolePermissions>(grants_);
    for (const auto& [collection, scope, role_name, role, scope_id] : holder.grants) {
      GrantTo(user, collection, scope, role_name);
      caller.actor.roles.push_back({role, scope_id});
    }
    if (holder.name != "deactivated") signed_in.push_back(std::move(caller));
  }
  world_.owner_user = users["consumer-owner"].uuid;
  world_.deactivated_password = passwords_["deactivated"];
  world_.order_creator = users["project-manager"].id;

  // Orders of the project manager (who may create but not approve), rejected by staff; one
  // Support order of the owner, executing with its helpdesk issue.
  const std::string creator = users["project-manager"].token;
  world_.rejected_order = RejectedSupportOrder(creator);
  world_.unlinked_order = RejectedSupportOrder(creator);
  const auto resource_of = [&](const std::string& order) {
    return api_.Get("/api/marketplace-orders/" + order + "/", staff_)
        .body.value("marketplace_resource_uuid", "");
  };
  world_.resource = resource_of(world_.rejected_order);
  world_.unlinked_consumer_resource = resource_of(RejectedSupportOrder(creator));
  world_.unlinked_provider_resource = resource_of(RejectedSupportOrder(creator));
  const auto executing = api_.Post("/api/marketplace-orders/",
                                   {{"project", world_.project},
                                    {"offering", world_.support_offering},
                                    {"plan", world_.support_plan},
                                    {"attributes", {{"name", "helpdesk"}}},
                                    {"limits", {{"cpu", 1}}}},
                                   users["consumer-owner"].token);
  EXPECT_EQ(executing.body.value("state", ""), "executing") << executing.text;
  world_.executing_order = executing.body.value("uuid", "");
  world_.executing_resource = executing.body.value("marketplace_resource_uuid", "");
  world_.executing_creator = users["consumer-owner"].id;
  for (const auto& issue : api_.Get("/api/support-issues/?page_size=300", staff_).body) {
    if (issue.value("order_uuid", "") == executing.body.value("uuid", ""))
      world_.issue = issue["uuid"];
  }
  EXPECT_FALSE(world_.issue.empty()) << "no helpdesk issue for the executing Support order";

  // Archived only now: its manager was granted while it was a Draft.
  Staff("/api/marketplace-provider-offerings/" + world_.archived_offering + "/activate/");
  Staff("/api/marketplace-provider-offerings/" + world_.archived_offering + "/archive/");

  // The API cannot deactivate a user (spec: no such endpoint), so the database does.
  DatabaseColumn(db_url_, "UPDATE users SET is_active = 0 WHERE username = 'deactivated'");

  world_.secrets.push_back(staff_);
  world_.secrets.push_back(staff_password_);
  Caller staff{.name = "staff", .headers = TokenHeader(staff_), .token = staff_};
  staff.actor.is_staff = true;
  staff.actor.user_id = 1;
  staff.actor.uuid = api_.Get("/api/users/me/", staff_).body.value("uuid", "");
  staff.actor.permissions = std::make_shared<const domain::RolePermissions>(grants_);

  world_.callers = {
      {.name = "no token", .authenticated = false},
      {.name = "malformed token", .authenticated = false, .headers = TokenHeader("not a token!")},
      {.name = "other scheme",
       .authenticated = false,
       .headers = {{"Authorization", "Bearer " + staff_}}},
      {.name = "unknown token", .authenticated = false, .headers = TokenHeader(RandomHex(40))},
      {.name = "deactivated user",
       .authenticated = false,
       .headers = TokenHeader(users["deactivated"].token)},
  };
  for (auto& caller : signed_in) world_.callers.push_back(std::move(caller));
  world_.callers.push_back(std::move(staff));
  return std::move(world_);
}

bool HoldsRoleOn(const domain::Actor& actor, ScopeType scope, domain::Id id) {
  for (const auto& held : actor.roles) {
    if (domain::InfoOf(held.role).scope == scope && held.scope_id == id) return true;
  }
  return false;
}

bool SeesCustomer(const domain::Actor& actor, domain::Id customer) {
  if (domain::SeesEverything(actor) || HoldsRoleOn(actor, ScopeType::kCustomer, customer))
    return true;
  if (customer == kConsumer) return HoldsRoleOn(actor, ScopeType::kProject, kProject);
  if (customer != kProvider) return false;
  return HoldsRoleOn(actor, ScopeType::kOffering, kSupportOffering) ||
         HoldsRoleOn(actor, ScopeType::kOffering, kArchivedOffering) ||
         HoldsRoleOn(actor, ScopeType::kOffering, kRemoteOffering);
}

bool SeesProject(const domain::Actor& actor) {
  return domain::SeesEverything(actor) || HoldsRoleOn(actor, ScopeType::kProject, kProject) ||
         HoldsRoleOn(actor, ScopeType::kCustomer, kConsumer);
}

bool SeesProviderOffering(const domain::Actor& actor, domain::Id offering) {
  return domain::SeesEverything(actor) || HoldsRoleOn(actor, ScopeType::kCustomer, kProvider) ||
         HoldsRoleOn(actor, ScopeType::kOffering, offering);
}

bool SeesOrder(const domain::Actor& actor, const World& world) {
  const auto rule = domain::OrderListRule();
  return domain::SeesEverything(actor) ||
         domain::HoldsPermission(actor, rule.permission, rule.paths, world.OrderSubject());
}

bool SeesConsumerResource(const domain::Actor& actor, const World& world) {
  const auto rule = domain::ConsumerResourceListRule();
  return domain::SeesEverything(actor) ||
         domain::HoldsPermission(actor, rule.permission, rule.paths, world.OrderSubject());
}

bool SeesProviderResource(const domain::Actor& actor) {
  return SeesProviderOffering(actor, kSupportOffering);
}

}  // namespace orderly::testing::authz
