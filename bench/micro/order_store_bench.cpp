// Store insert and update of an order on a real SQLite file with the service's settings (WAL,
// synchronous=FULL). "Commit" variants pay one fsync per operation, as a request does; "Batched"
// variants put 1000 in one transaction to show the CPU cost of the statement alone.
#include <benchmark/benchmark.h>

#include "micro/micro_fixtures.hpp"

namespace orderly::bench {
namespace {

constexpr int kBatch = 1000;

void BM_OrderInsert_Commit(benchmark::State& state) {
  ScratchStore scratch;
  for (auto _ : state) {
    auto order = scratch.NewOrder();
    scratch.get().Write([&](store::Transaction& tx) { tx.Orders().Insert(order); });
  }
}
BENCHMARK(BM_OrderInsert_Commit)->UseRealTime();

void BM_OrderInsert_Batched(benchmark::State& state) {
  ScratchStore scratch;
  for (auto _ : state) {
    scratch.get().Write([&](store::Transaction& tx) {
      auto orders = tx.Orders();
      for (int i = 0; i < kBatch; ++i) {
        auto order = scratch.NewOrder();
        orders.Insert(order);
      }
    });
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_OrderInsert_Batched)->UseRealTime();

void BM_OrderUpdate_Commit(benchmark::State& state) {
  ScratchStore scratch;
  auto order = scratch.NewOrder();
  scratch.get().Write([&](store::Transaction& tx) { tx.Orders().Insert(order); });
  bool executing = false;
  for (auto _ : state) {
    executing = !executing;
    order.state = executing ? domain::OrderState::kExecuting : domain::OrderState::kPendingProvider;
    scratch.get().Write([&](store::Transaction& tx) { tx.Orders().Update(order); });
  }
}
BENCHMARK(BM_OrderUpdate_Commit)->UseRealTime();

void BM_OrderUpdate_Batched(benchmark::State& state) {
  ScratchStore scratch;
  auto order = scratch.NewOrder();
  scratch.get().Write([&](store::Transaction& tx) { tx.Orders().Insert(order); });
  bool executing = false;
  for (auto _ : state) {
    scratch.get().Write([&](store::Transaction& tx) {
      auto orders = tx.Orders();
      for (int i = 0; i < kBatch; ++i) {
        executing = !executing;
        order.state =
            executing ? domain::OrderState::kExecuting : domain::OrderState::kPendingProvider;
        orders.Update(order);
      }
    });
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_OrderUpdate_Batched)->UseRealTime();

// The joined read every order request starts with.
void BM_OrderFindByUuid(benchmark::State& state) {
  ScratchStore scratch;
  auto order = scratch.NewOrder();
  scratch.get().Write([&](store::Transaction& tx) { tx.Orders().Insert(order); });
  for (auto _ : state) {
    auto record = scratch.get().Read(
        [&](store::Transaction& tx) { return tx.Orders().FindByUuid(order.uuid); });
    benchmark::DoNotOptimize(record);
  }
}
BENCHMARK(BM_OrderFindByUuid)->UseRealTime();

}  // namespace
}  // namespace orderly::bench
