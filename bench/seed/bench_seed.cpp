// orderly_bench_seed: a fresh store for the benchmarks. The organization model (users, two
// organizations, projects, Basic offerings, role grants) is made through the use cases, as the API
// would; the orders and their resources are then written straight through the repositories in big
// transactions, because 1M orders through HTTP would take longer than the whole benchmark.
// Writes world.json: the logins, the uuids the scenarios need and a sample of order uuids.
#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "domain/dates.hpp"
#include "domain/error.hpp"
#include "service/customers.hpp"
#include "service/offerings.hpp"
#include "service/projects.hpp"
#include "service/roles.hpp"
#include "service/secrets.hpp"
#include "service/system_clock.hpp"
#include "service/users.hpp"

namespace {

using namespace orderly;

// Benchmark logins only ever exist in throwaway databases under a temporary directory.
constexpr const char* kPassword = "bench-password";

struct Options {
  std::string db;
  std::int64_t orders = 10'000;
  int offerings = 10;
  int projects = 10;
  int sample = 2'000;
  std::int64_t batch = 20'000;
  std::string world;
};

// A realistic mix for a marketplace that has run a while, in blocks of 20 orders: mostly done,
// some still executing (what the list scenario filters for), a few in every other state.
struct StateShare {
  domain::OrderState order;
  domain::ResourceState resource;
  int of_twenty;
};
constexpr std::array<StateShare, 6> kStateMix{{
    {domain::OrderState::kDone, domain::ResourceState::kOk, 13},
    {domain::OrderState::kExecuting, domain::ResourceState::kCreating, 2},
    {domain::OrderState::kPendingProvider, domain::ResourceState::kCreating, 2},
    {domain::OrderState::kCanceled, domain::ResourceState::kTerminated, 1},
    {domain::OrderState::kRejected, domain::ResourceState::kTerminated, 1},
    {domain::OrderState::kErred, domain::ResourceState::kErred, 1},
}};

// The state of order `index`, scrambled so that it does not follow the offering or the project
// the order is spread to (both are taken round-robin from the same index).
const StateShare& ShareFor(std::int64_t index) {
  const std::uint64_t scrambled = (static_cast<std::uint64_t>(index) * 0x9E3779B97F4A7C15ull) >> 32;
  int slot = static_cast<int>(scrambled % 20);
  for (const auto& share : kStateMix) {
    if (slot < share.of_twenty) return share;
    slot -= share.of_twenty;
  }
  return kStateMix.front();
}

struct SeedWorld {
  domain::User owner;
  domain::User provider;
  std::vector<domain::Project> projects;
  std::vector<domain::Offering> offerings;
  domain::Offering script_offering;  // the processing scenario's; no seeded orders use it
};

SeedWorld MakeOrganizationModel(service::Context& context, const Options& options) {
  const bool seeded = context.store.Read(
      [](store::Transaction& tx) { return tx.Users().FindByUsername("bench-owner").has_value(); });
  if (seeded) throw std::runtime_error(options.db + " is already seeded; give a fresh path");

  const auto staff_user = service::CreateOrResetStaffUser(context, "bench-staff", kPassword);
  const domain::Actor staff{.user_id = staff_user.id,
                            .uuid = staff_user.uuid,
                            .username = staff_user.username,
                            .is_staff = true};
  SeedWorld world;
  world.owner = service::CreateUser(
      context, staff,
      {.username = "bench-owner", .password = kPassword, .full_name = "Bench Owner"});
  world.provider = service::CreateUser(
      context, staff,
      {.username = "bench-provider", .password = kPassword, .full_name = "Bench Provider"});

  const auto consumer = service::CreateCustomer(context, staff, {.name = "Bench University"});
  const auto provider = service::CreateCustomer(context, staff, {.name = "Bench Provider Centre"});
  service::CreateServiceProvider(context, staff, provider.uuid);
  auto grant = [&](const domain::Customer& customer, const domain::User& user) {
    service::AddScopeUser(context, staff, domain::ScopeType::kCustomer, customer.uuid, [&] {
      return service::RoleChange{.user_uuid = user.uuid, .role_name = "CUSTOMER.OWNER"};
    });
  };
  grant(consumer, world.owner);
  grant(provider, world.provider);

  for (int i = 0; i < options.projects; ++i) {
    world.projects.push_back(service::CreateProject(
        context, staff,
        {.customer_uuid = consumer.uuid, .name = "Bench project " + std::to_string(i)}));
  }
  for (int i = 0; i < options.offerings; ++i) {
    service::NewOffering offering{.name = "Bench offering " + std::to_string(i),
                                  .customer_uuid = provider.uuid,
                                  .type = domain::OfferingType::kBasic};
    offering.plans = {{.name = "Standard", .unit_price = "1.00"}};
    const auto created = service::CreateOffering(context, staff, offering);
    world.offerings.push_back(service::ChangeOfferingState(context, staff, created.uuid,
                                                           domain::Action::kActivateOffering));
  }
  // A Marketplace.Script offering whose create script does nothing but print the time it started
  // (seconds since the epoch, which becomes the order's backend_id): the processing scenario
  // reads it as the moment the job started. The provider reviews each order, so the approval is
  // a request the scenario times.
  service::NewOffering script{.name = "Bench no-op script",
                              .customer_uuid = provider.uuid,
                              .type = domain::OfferingType::kScript};
  script.plugin_options = {{"auto_approve_marketplace_script", false}};
  script.secret_options = {{"language", "shell"}, {"create", "date +%s.%N"}};
  script.plans = {{.name = "Standard", .unit_price = "1.00"}};
  const auto created_script = service::CreateOffering(context, staff, script);
  world.script_offering = service::ChangeOfferingState(context, staff, created_script.uuid,
                                                       domain::Action::kActivateOffering);
  return world;
}

// Writes `options.orders` orders, each with its resource, and returns a sample of their uuids.
std::vector<std::string> InsertOrders(service::Context& context, const SeedWorld& world,
                                      const Options& options) {
  const std::string now = context.clock.Now();
  const std::int64_t sample_every =
      std::max<std::int64_t>(1, options.orders / std::max(options.sample, 1));
  std::vector<std::string> sample;
  for (std::int64_t first = 0; first < options.orders; first += options.batch) {
    const std::int64_t last = std::min(options.orders, first + options.batch);
    context.store.Write([&](store::Transaction& tx) {
      auto resources = tx.Resources();
      auto orders = tx.Orders();
      for (std::int64_t i = first; i < last; ++i) {
        const auto& offering =
            world.offerings[static_cast<std::size_t>(i) % world.offerings.size()];
        const auto& project =
            world.projects[static_cast<std::size_t>(
                               i / static_cast<std::int64_t>(world.offerings.size())) %
                           world.projects.size()];
        const auto& share = ShareFor(i);
        // One order a second up to now, so that o=-created has a real order to follow.
        const std::string created = domain::AddSeconds(now, i - options.orders);
        const std::string name = "bench-" + std::to_string(i);
        const auto plan_id = offering.plans.front().id;
        domain::Resource resource{.uuid = service::NewUuid(),
                                  .name = name,
                                  .state = share.resource,
                                  .project_id = project.id,
                                  .offering_id = offering.id,
                                  .plan_id = plan_id,
                                  .attributes = {{"name", name}},
                                  .cost = "1.00",
                                  .created = created,
                                  .modified = created};
        resources.Insert(resource);
        const bool reviewed = share.order != domain::OrderState::kPendingProvider &&
                              share.order != domain::OrderState::kCanceled;
        domain::Order order{.uuid = service::NewUuid(),
                            .type = domain::OrderType::kCreate,
                            .state = share.order,
                            .project_id = project.id,
                            .resource_id = resource.id,
                            .offering_id = offering.id,
                            .plan_id = plan_id,
                            .attributes = {{"name", name}},
                            .cost = "1.00",
                            .created = created,
                            .modified = created,
                            .created_by = world.owner.id};
        if (reviewed) {
          order.provider_reviewed_by = world.provider.id;
          order.provider_reviewed_at = created;
        }
        if (domain::IsTerminal(share.order) && share.order != domain::OrderState::kErred) {
          order.completed_at = created;
        }
        if (share.order == domain::OrderState::kErred)
          order.error_message = "bench: simulated failure";
        orders.Insert(order);
        if (i % sample_every == 0 && static_cast<int>(sample.size()) < options.sample)
          sample.push_back(order.uuid);
      }
    });
  }
  return sample;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"orderly_bench_seed: a fresh store with N orders for the benchmarks"};
  Options options;
  cli.add_option("--db", options.db, "sqlite:PATH of a new database")->required();
  cli.add_option("--orders", options.orders, "orders (each with its resource)")
      ->check(CLI::Range(0, 50'000'000));
  cli.add_option("--offerings", options.offerings, "Basic offerings the orders spread over")
      ->check(CLI::Range(1, 1000));
  cli.add_option("--projects", options.projects, "projects the orders spread over")
      ->check(CLI::Range(1, 1000));
  cli.add_option("--sample", options.sample, "order uuids to list in world.json")
      ->check(CLI::Range(1, 100'000));
  cli.add_option("--batch", options.batch, "orders per transaction")
      ->check(CLI::Range(1, 10'000'000));
  cli.add_option("--world", options.world, "where to write world.json")->required();
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error) == 0 ? 0 : 2;
  }

  try {
    const auto started = std::chrono::steady_clock::now();
    service::InitSecrets();
    auto store = store::Store::Open(options.db, 1);
    service::SystemClock clock;
    service::Context context{*store, clock};
    service::EnsureDefaultRoles(context);
    const SeedWorld world = MakeOrganizationModel(context, options);
    const auto sample = InsertOrders(context, world, options);

    nlohmann::json offerings = nlohmann::json::array();
    for (const auto& offering : world.offerings) {
      offerings.push_back({{"uuid", offering.uuid}, {"plan_uuid", offering.plans.front().uuid}});
    }
    const nlohmann::json out = {
        {"db", options.db},
        {"orders", options.orders},
        {"executing_orders_per_offering", options.orders / 10 / options.offerings},
        {"users",
         {{"owner", {{"username", world.owner.username}, {"password", kPassword}}},
          {"provider", {{"username", world.provider.username}, {"password", kPassword}}}}},
        {"project_uuid", world.projects.front().uuid},
        {"offerings", offerings},
        {"script_offering",
         {{"uuid", world.script_offering.uuid},
          {"plan_uuid", world.script_offering.plans.front().uuid}}},
        {"sample_order_uuids", sample}};
    std::ofstream file(options.world);
    if (!file) throw std::runtime_error("cannot write " + options.world);
    file << out.dump(2) << "\n";
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "orderly_bench_seed: " << options.orders << " orders in " << options.db << " ("
              << seconds << " s)" << std::endl;
  } catch (const orderly::Error& error) {
    std::cerr << "orderly_bench_seed: " << error.field() << (error.field().empty() ? "" : ": ")
              << error.message() << std::endl;
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "orderly_bench_seed: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}
