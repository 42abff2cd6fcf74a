#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "load/load_driver.hpp"

namespace orderly::bench {

// What the seeding tool wrote (bench/seed/bench_seed.cpp) plus the tokens the load tool obtained.
struct World {
  std::string owner_token;     // CUSTOMER.OWNER of the consumer organization: creates and reads
  std::string provider_token;  // CUSTOMER.OWNER of the provider: approves and completes
  std::string project_uuid;
  struct Offering {
    std::string uuid;
    std::string plan_uuid;
  };
  std::vector<Offering> offerings;  // all Basic, active
  Offering script_offering;         // Marketplace.Script, no-op create script, provider reviews
  std::vector<std::string> sample_order_uuids;
};

// Reads world.json and logs its two users in through POST /api-auth/password/.
World LoadWorld(const std::string& path, unsigned short port);

// GET /health/: the HTTP ceiling (routing, one trivial store query, a small JSON reply).
std::unique_ptr<Scenario> HealthScenario(unsigned short port);
// GET /api/marketplace-orders/{uuid}/ over the seeded orders, at random.
std::unique_ptr<Scenario> GetOrderScenario(unsigned short port, const World& world);
// GET /api/marketplace-orders/?state=executing&offering_uuid=...&o=-created, the offerings in turn.
std::unique_ptr<Scenario> ListOrdersScenario(unsigned short port, const World& world);
// create -> approve_by_provider -> set_state_done on a Basic offering, each client its own orders.
std::unique_ptr<Scenario> LifecycleScenario(unsigned short port, const World& world);
// Every client races approve_by_provider and set_state_done on a few hot orders; whoever completes
// one places its replacement. 409 is an expected answer here.
std::unique_ptr<Scenario> ContentionScenario(unsigned short port, const World& world,
                                             int hot_orders);

// create -> approve_by_provider on the no-op Script offering, then polls the order until the job
// queue's worker finished it. Details carry the queue delays from the server's own timestamps.
std::unique_ptr<Scenario> ProcessingScenario(unsigned short port, const World& world);

}  // namespace orderly::bench
