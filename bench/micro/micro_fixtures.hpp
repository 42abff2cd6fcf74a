#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "domain/actor.hpp"
#include "domain/check.hpp"
#include "store/order_repository.hpp"
#include "store/store.hpp"

namespace orderly::bench {

// Ids of the sample world the micro-benchmarks act in: a consumer organization with a project, a
// provider organization with a Basic offering.
inline constexpr domain::Id kConsumerId = 1;
inline constexpr domain::Id kProviderId = 2;
inline constexpr domain::Id kProjectId = 10;
inline constexpr domain::Id kOfferingId = 20;

// The provider organization's owner, with the deployment's default role grants: the actor of
// approve_by_provider and set_state_done.
domain::Actor ProviderOwner();
// A project member of the consumer: most order actions are denied to them.
domain::Actor ProjectMember();

// An order as the store returns it with its surroundings, in `state`, every field filled as a
// real one would be (the JSON encoder's cost depends on it).
store::OrderRecord SampleOrderRecord(domain::OrderState state);
domain::Subject SampleSubject();

// The body a Waldur client sends to place an order.
std::string SampleCreateOrderBody();

// A SQLite store in a fresh temporary directory with the rows an order refers to; removed with it.
class ScratchStore {
 public:
  ScratchStore();
  ~ScratchStore();
  ScratchStore(const ScratchStore&) = delete;
  ScratchStore& operator=(const ScratchStore&) = delete;

  store::Store& get() { return *store_; }
  // A new, unsaved order pointing at the scratch project, offering and resource.
  domain::Order NewOrder() const;

 private:
  std::filesystem::path directory_;
  std::unique_ptr<store::Store> store_;
  domain::Id project_id_ = 0;
  domain::Id offering_id_ = 0;
  domain::Id resource_id_ = 0;
};

}  // namespace orderly::bench
