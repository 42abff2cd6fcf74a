#include "service/demo.hpp"

#include <map>

#include "service/customers.hpp"
#include "service/offerings.hpp"
#include "service/projects.hpp"
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
  return domain::Actor{.user_id = staff.id,
                       .uuid = staff.uuid,
                       .username = staff.username,
                       .is_staff = true};
}

void Grant(Context& context, const domain::Actor& staff, domain::ScopeType scope,
           const std::string& scope_uuid, const domain::User& user, const char* role) {
  AddScopeUser(context, staff, scope, scope_uuid,
               [&] { return RoleChange{.user_uuid = user.uuid, .role_name = role}; });
}

NewOffering DemoOffering(const std::string& name, domain::OfferingType type,
                         const std::string& customer_uuid) {
  NewOffering offering{.name = name, .customer_uuid = customer_uuid, .type = type};
  offering.components = {
      {.type = "cpu", .name = "CPU hours", .measured_unit = "hours",
       .billing_type = domain::BillingType::kLimit, .min_value = 1, .max_value = 100000},
      {.type = "storage", .name = "Storage", .measured_unit = "GB",
       .billing_type = domain::BillingType::kLimit, .min_value = 0, .max_value = 10240},
  };
  offering.plans = {{.name = "Small", .unit_price = "10.00"}, {.name = "Large", .unit_price = "90.00"}};
  return offering;
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

  Grant(context, staff, domain::ScopeType::kCustomer, university.uuid, users["owner"], "CUSTOMER.OWNER");
  Grant(context, staff, domain::ScopeType::kProject, climate.uuid, users["project-admin"], "PROJECT.ADMIN");
  Grant(context, staff, domain::ScopeType::kProject, climate.uuid, users["project-manager"], "PROJECT.MANAGER");
  Grant(context, staff, domain::ScopeType::kProject, climate.uuid, users["project-member"], "PROJECT.MEMBER");
  Grant(context, staff, domain::ScopeType::kCustomer, centre.uuid, users["provider-owner"], "CUSTOMER.OWNER");
  Grant(context, staff, domain::ScopeType::kCustomer, centre.uuid, users["provider-manager"], "CUSTOMER.MANAGER");

  const std::pair<const char*, domain::OfferingType> kOfferings[] = {
      {"Consulting hours", domain::OfferingType::kBasic},
      {"Helpdesk request", domain::OfferingType::kSupport},
      {"SLURM allocation", domain::OfferingType::kSlurm},
      {"Scripted VM", domain::OfferingType::kScript},
      {"Partner cloud (remote)", domain::OfferingType::kRemote},
      {"OpenStack tenant", domain::OfferingType::kOpenStackTenant},
      {"Rancher cluster", domain::OfferingType::kRancher},
  };
  for (const auto& [name, type] : kOfferings) {
    const auto offering = CreateOffering(context, staff, DemoOffering(name, type, centre.uuid));
    ChangeOfferingState(context, staff, offering.uuid, domain::Action::kActivateOffering);
    if (type == domain::OfferingType::kSlurm) {
      Grant(context, staff, domain::ScopeType::kOffering, offering.uuid, users["offering-manager"],
            "OFFERING.MANAGER");
    }
  }
  return logins;
}

}  // namespace orderly::service
