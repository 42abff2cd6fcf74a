#include "service/demo.hpp"

#include <map>

#include "service/customers.hpp"
#include "service/offerings.hpp"
#include "service/orders/order_actions.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/projects.hpp"
#include "service/resources/resource_actions.hpp"
#include "service/roles.hpp"
#include "service/users.hpp"

namespace orderly::service {
namespace {

constexpr const char* kDemoPassword = "demo-password";

struct DemoUser {
  const char* username;
  const char* full_name;
  const char* what;
};

constexpr DemoUser kDemoUsers[] = {
    {"owner", "Olivia Owner", "CUSTOMER.OWNER of Demo University (consumer)"},
    {"project-admin", "Paul Admin", "PROJECT.ADMIN of Climate modelling"},
    {"project-manager", "Maria Manager", "PROJECT.MANAGER of Climate modelling"},
    {"project-member", "Mark Member", "PROJECT.MEMBER of Climate modelling"},
    {"provider-owner", "Hannah Provider", "CUSTOMER.OWNER of HPC Centre (provider)"},
    {"provider-manager", "Sam Service", "CUSTOMER.MANAGER of HPC Centre (provider)"},
    {"offering-manager", "Otto Offering", "OFFERING.MANAGER of the SLURM offering"},
    {"support", "Susan Support", "support user (reads everything, changes nothing)"},
};

domain::Actor DemoStaff(const domain::User& staff) {
  return domain::Actor{
      .user_id = staff.id, .uuid = staff.uuid, .username = staff.username, .is_staff = true};
}

void Grant(Context& context, const domain::Actor& staff, domain::ScopeType scope,
           const std::string& scope_uuid, const domain::User& user, const char* role) {
  AddScopeUser(context, staff, scope, scope_uuid,
               [&] { return RoleChange{.user_uuid = user.uuid, .role_name = role}; });
}

// Where scripts/run-demo.sh starts tools/fake_backends (loopback only; see README).
constexpr const char* kDemoKeystoneUrl = "http://127.0.0.1:18500/identity/v3";
constexpr const char* kDemoRancherUrl = "http://127.0.0.1:18501/v3";

NewOffering DemoOffering(const std::string& name, domain::OfferingType type,
                         const std::string& customer_uuid) {
  NewOffering offering{.name = name, .customer_uuid = customer_uuid, .type = type};
  if (type == domain::OfferingType::kScript) {
    // Runs on the server's workers: orders for it move on their own once `orderly serve` runs.
    offering.secret_options = {
        {"language", "shell"},
        {"create",
         "echo \"provisioning $RESOURCE_NAME for $PROJECT_NAME\"\nsleep 2\necho vm-$(echo "
         "$ORDER_UUID | cut -c1-8)"},
        {"update", "echo \"resizing $RESOURCE_BACKEND_ID to $LIMITS\"\nsleep 1"},
        {"terminate", "echo \"deleting $RESOURCE_BACKEND_ID\"\nsleep 1"}};
  }
  if (type == domain::OfferingType::kOpenStackTenant) {
    // tools/fake_backends, started by scripts/run-demo.sh, answers on these addresses.
    offering.secret_options = {{"backend_url", kDemoKeystoneUrl},
                               {"username", "admin"},
                               {"password", "secret"},
                               {"tenant", "admin"},
                               {"domain", "Default"}};
    offering.components = {
        {.type = "cores",
         .name = "Cores",
         .measured_unit = "cores",
         .billing_type = domain::BillingType::kLimit,
         .min_value = 1,
         .max_value = 512},
        {.type = "ram",
         .name = "RAM",
         .measured_unit = "MB",
         .billing_type = domain::BillingType::kLimit,
         .min_value = 1024,
         .max_value = 1048576},
        {.type = "storage",
         .name = "Storage",
         .measured_unit = "MB",
         .billing_type = domain::BillingType::kLimit,
         .min_value = 1024,
         .max_value = 10485760},
    };
  } else if (type == domain::OfferingType::kRancher) {
    offering.secret_options = {{"backend_url", kDemoRancherUrl}, {"token", "token-demo:secret"}};
    offering.components = {{.type = "node",
                            .name = "Nodes",
                            .measured_unit = "nodes",
                            .billing_type = domain::BillingType::kLimit,
                            .min_value = 1,
                            .max_value = 50}};
  } else {
    offering.components = {
        {.type = "cpu",
         .name = "CPU hours",
         .measured_unit = "hours",
         .billing_type = domain::BillingType::kLimit,
         .min_value = 1,
         .max_value = 100000},
        {.type = "storage",
         .name = "Storage",
         .measured_unit = "GB",
         .billing_type = domain::BillingType::kLimit,
         .min_value = 0,
         .max_value = 10240},
    };
  }
  offering.plans = {{.name = "Small", .unit_price = "10.00"},
                    {.name = "Large", .unit_price = "90.00"}};
  return offering;
}

domain::Actor ActorOf(Context& context, const domain::User& user) {
  return context.store.Read([&](store::Transaction& tx) { return LoadActor(tx, user.id); });
}

struct DemoWorld {
  std::map<std::string, domain::Actor> actors;
  std::map<domain::OfferingType, domain::Offering> offerings;
  std::string project_uuid;
  std::string future_project_uuid;
};

nlohmann::json DemoLimits(domain::OfferingType type) {
  if (type == domain::OfferingType::kOpenStackTenant)
    return {{"cores", 8}, {"ram", 16384}, {"storage", 102400}};
  if (type == domain::OfferingType::kRancher) return {{"node", 3}};
  return {{"cpu", 100}, {"storage", 50}};
}

std::string PlaceDemoOrder(Context& context, const DemoWorld& world, const std::string& who,
                           domain::OfferingType type, const std::string& name,
                           const std::string& project_uuid,
                           std::optional<std::string> start_date = {}) {
  const auto& offering = world.offerings.at(type);
  const auto record = CreateOrder(context, world.actors.at(who), [&] {
    return NewOrder{.project_uuid = project_uuid,
                    .offering_uuid = offering.uuid,
                    .plan_uuid = offering.plans.front().uuid,
                    .attributes = {{"name", name}},
                    .limits = DemoLimits(type),
                    .start_date = std::move(start_date)};
  });
  return record.order.uuid;
}

// Orders in every state and resources in every state, each reached through the real use cases.
void SeedOrders(Context& context, const DemoWorld& world) {
  using T = domain::OfferingType;
  const auto& provider = world.actors.at("provider-owner");
  const auto& owner = world.actors.at("owner");
  const auto& project = world.project_uuid;
  auto resource_of = [&](const std::string& order_uuid) {
    return GetOrder(context, owner, order_uuid).resource_uuid;
  };

  PlaceDemoOrder(context, world, "project-manager", T::kBasic, "analysis-vm (awaiting owner)",
                 project);
  PlaceDemoOrder(context, world, "owner", T::kBasic, "web-frontend (awaiting provider)", project);
  PlaceDemoOrder(context, world, "owner", T::kBasic, "archive (project not started)",
                 world.future_project_uuid);
  PlaceDemoOrder(context, world, "owner", T::kSupport, "onboarding call (starts later)", project,
                 "2099-06-01");
  PlaceDemoOrder(context, world, "owner", T::kSupport, "training session (helpdesk issue open)",
                 project);
  for (const char* name : {"scripted-vm-1 (runs on its own)", "scripted-vm-2 (runs on its own)"}) {
    PlaceDemoOrder(context, world, "owner", T::kScript, name, project);
  }
  // Carried out against tools/fake_backends by the workers of `orderly serve`.
  PlaceDemoOrder(context, world, "owner", T::kOpenStackTenant, "climate-tenant", project);
  PlaceDemoOrder(context, world, "owner", T::kRancher, "climate-k8s", project);

  const auto executing =
      PlaceDemoOrder(context, world, "owner", T::kBasic, "gpu-node (in progress)", project);
  ApproveByProvider(context, provider, executing, [] { return nlohmann::json(nullptr); });

  const auto done =
      PlaceDemoOrder(context, world, "owner", T::kBasic, "database (running)", project);
  ApproveByProvider(context, provider, done, [] { return nlohmann::json(nullptr); });
  SetOrderDone(context, provider, done);

  const auto erred =
      PlaceDemoOrder(context, world, "owner", T::kSlurm, "hpc-allocation (failed)", project);
  ApproveByProvider(context, provider, erred, [] { return nlohmann::json(nullptr); });
  SetOrderErred(context, world.actors.at("offering-manager"), erred, [] {
    return ErrorReport{
        .error_message = "sacctmgr: account limit exceeded",
        .error_traceback = "site-agent: create_account(\"hpc-allocation\") returned 1"};
  });

  const auto canceled =
      PlaceDemoOrder(context, world, "owner", T::kBasic, "old-request (canceled)", project);
  CancelOrder(context, owner, canceled);
  const auto rejected =
      PlaceDemoOrder(context, world, "owner", T::kBasic, "too-big (rejected)", project);
  RejectByProvider(context, provider, rejected,
                   [] { return Rejection{.comment = "No capacity this quarter."}; });

  // Resources: Updating, Terminating, Terminated and Erred beside the ones above.
  auto running = [&](const char* name) {
    const auto order = PlaceDemoOrder(context, world, "owner", T::kBasic, name, project);
    ApproveByProvider(context, provider, order, [] { return nlohmann::json(nullptr); });
    SetOrderDone(context, provider, order);
    return resource_of(order);
  };
  UpdateLimits(context, owner, running("cache (resizing)"), [] {
    return LimitsRequest{.limits = {{"cpu", 200}, {"storage", 50}}};
  });
  TerminateResource(context, owner, store::ResourceSide::kConsumer,
                    running("scratch (terminating)"), [] { return nlohmann::json(nullptr); });
  const auto gone = running("legacy (terminated)");
  const auto terminate = TerminateResource(context, owner, store::ResourceSide::kConsumer, gone,
                                           [] { return nlohmann::json(nullptr); });
  ApproveByProvider(context, provider, terminate, [] { return nlohmann::json(nullptr); });
  SetOrderDone(context, provider, terminate);
  SetResourceAsErred(context, provider, running("storage (broken)"), [] {
    return ResourceError{.error_message = "Disk array reports a failed controller."};
  });
}

}  // namespace

std::vector<DemoLogin> SeedDemo(Context& context) {
  std::vector<DemoLogin> logins{{"staff", kDemoPassword, "staff (may do everything)"}};
  for (const auto& user : kDemoUsers) logins.push_back({user.username, kDemoPassword, user.what});

  const bool seeded = context.store.Read(
      [](store::Transaction& tx) { return tx.Users().FindByUsername("owner").has_value(); });
  const domain::User staff_user = CreateOrResetStaffUser(context, "staff", kDemoPassword);
  if (seeded) return logins;
  const domain::Actor staff = DemoStaff(staff_user);

  std::map<std::string, domain::User> users;
  for (const auto& demo : kDemoUsers) {
    users[demo.username] = CreateUser(context, staff,
                                      {.username = demo.username,
                                       .password = kDemoPassword,
                                       .full_name = demo.full_name,
                                       .is_support = std::string(demo.username) == "support"});
  }

  const auto university = CreateCustomer(context, staff, {.name = "Demo University"});
  const auto centre = CreateCustomer(context, staff, {.name = "HPC Centre"});
  CreateServiceProvider(context, staff, centre.uuid);
  const auto climate = CreateProject(
      context, staff, {.customer_uuid = university.uuid, .name = "Climate modelling"});
  CreateProject(context, staff,
                {.customer_uuid = university.uuid, .name = "Genomics", .end_date = "2030-12-31"});
  const auto future = CreateProject(
      context, staff,
      {.customer_uuid = university.uuid, .name = "Polar station", .start_date = "2099-01-01"});

  Grant(context, staff, domain::ScopeType::kCustomer, university.uuid, users["owner"],
        "CUSTOMER.OWNER");
  Grant(context, staff, domain::ScopeType::kProject, climate.uuid, users["project-admin"],
        "PROJECT.ADMIN");
  Grant(context, staff, domain::ScopeType::kProject, climate.uuid, users["project-manager"],
        "PROJECT.MANAGER");
  Grant(context, staff, domain::ScopeType::kProject, climate.uuid, users["project-member"],
        "PROJECT.MEMBER");
  Grant(context, staff, domain::ScopeType::kCustomer, centre.uuid, users["provider-owner"],
        "CUSTOMER.OWNER");
  Grant(context, staff, domain::ScopeType::kCustomer, centre.uuid, users["provider-manager"],
        "CUSTOMER.MANAGER");

  const std::pair<const char*, domain::OfferingType> kOfferings[] = {
      {"Consulting hours", domain::OfferingType::kBasic},
      {"Helpdesk request", domain::OfferingType::kSupport},
      {"SLURM allocation", domain::OfferingType::kSlurm},
      {"Scripted VM", domain::OfferingType::kScript},
      {"Partner cloud (remote)", domain::OfferingType::kRemote},
      {"OpenStack tenant", domain::OfferingType::kOpenStackTenant},
      {"Rancher cluster", domain::OfferingType::kRancher},
  };
  DemoWorld world{.project_uuid = climate.uuid, .future_project_uuid = future.uuid};
  for (const auto& [name, type] : kOfferings) {
    const auto offering = CreateOffering(context, staff, DemoOffering(name, type, centre.uuid));
    world.offerings[type] =
        ChangeOfferingState(context, staff, offering.uuid, domain::Action::kActivateOffering);
    if (type == domain::OfferingType::kSlurm) {
      Grant(context, staff, domain::ScopeType::kOffering, offering.uuid, users["offering-manager"],
            "OFFERING.MANAGER");
    }
  }
  Grant(context, staff, domain::ScopeType::kProject, future.uuid, users["project-admin"],
        "PROJECT.ADMIN");
  Grant(context, staff, domain::ScopeType::kProject, future.uuid, users["project-manager"],
        "PROJECT.MANAGER");
  Grant(context, staff, domain::ScopeType::kProject, future.uuid, users["project-member"],
        "PROJECT.MEMBER");
  for (const auto& [username, user] : users) world.actors[username] = ActorOf(context, user);
  SeedOrders(context, world);
  return logins;
}

}  // namespace orderly::service
