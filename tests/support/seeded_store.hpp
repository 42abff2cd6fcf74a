#pragma once

#include <filesystem>
#include <memory>

#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "store/store.hpp"

namespace orderly::testing {

// A SQLite store of its own in a fresh temporary directory, removed with the object.
class TemporaryStore {
 public:
  explicit TemporaryStore(int connections = 4);
  ~TemporaryStore();
  TemporaryStore(const TemporaryStore&) = delete;
  TemporaryStore& operator=(const TemporaryStore&) = delete;

  store::Store& operator*() { return *store_; }
  store::Store* operator->() { return store_.get(); }

 private:
  std::filesystem::path directory_;
  std::unique_ptr<store::Store> store_;
};

// The smallest world an order lives in: one organization and project (the first call in a store
// makes them), an offering of `type` owned by that organization, a resource and an order in
// `state`. Uuids end in `tag`, so several orders can share one store.
domain::Order SeedOrder(store::Transaction& tx, domain::OfferingType type, domain::OrderState state,
                        char tag = '1');

}  // namespace orderly::testing
