// The rule check runs on every order action and once per listed action for every order a reply
// shows (available_actions), so a list page of 10 orders asks it about 100 times.
#include <benchmark/benchmark.h>

#include "domain/check.hpp"
#include "micro/micro_fixtures.hpp"

namespace orderly::bench {
namespace {

void BM_CheckOrderAction_Allowed(benchmark::State& state) {
  const auto actor = ProviderOwner();
  const auto record = SampleOrderRecord(domain::OrderState::kPendingProvider);
  const domain::OrderFacts facts{.order = record.order,
                                 .offering_type = domain::OfferingType::kBasic,
                                 .subject = SampleSubject()};
  for (auto _ : state) {
    auto error = domain::CheckOrderAction(actor, domain::OrderAction::kApproveByProvider, facts);
    benchmark::DoNotOptimize(error);
  }
}
BENCHMARK(BM_CheckOrderAction_Allowed);

// A 409: the wrong state. The error carries a message, so this path allocates.
void BM_CheckOrderAction_StateConflict(benchmark::State& state) {
  const auto actor = ProviderOwner();
  const auto record = SampleOrderRecord(domain::OrderState::kDone);
  const domain::OrderFacts facts{.order = record.order,
                                 .offering_type = domain::OfferingType::kBasic,
                                 .subject = SampleSubject()};
  for (auto _ : state) {
    auto error = domain::CheckOrderAction(actor, domain::OrderAction::kSetStateDone, facts);
    benchmark::DoNotOptimize(error);
  }
}
BENCHMARK(BM_CheckOrderAction_StateConflict);

// A 403: the first check fails.
void BM_CheckOrderAction_Forbidden(benchmark::State& state) {
  const auto actor = ProjectMember();
  const auto record = SampleOrderRecord(domain::OrderState::kPendingProvider);
  const domain::OrderFacts facts{.order = record.order,
                                 .offering_type = domain::OfferingType::kBasic,
                                 .subject = SampleSubject()};
  for (auto _ : state) {
    auto error = domain::CheckOrderAction(actor, domain::OrderAction::kApproveByProvider, facts);
    benchmark::DoNotOptimize(error);
  }
}
BENCHMARK(BM_CheckOrderAction_Forbidden);

void BM_AvailableOrderActions(benchmark::State& state) {
  const auto actor = ProviderOwner();
  const auto order_state = static_cast<domain::OrderState>(state.range(0));
  const auto record = SampleOrderRecord(order_state);
  const domain::OrderFacts facts{.order = record.order,
                                 .offering_type = domain::OfferingType::kBasic,
                                 .subject = SampleSubject()};
  for (auto _ : state) {
    auto actions = domain::AvailableOrderActions(actor, facts);
    benchmark::DoNotOptimize(actions);
  }
  state.SetLabel(std::string(domain::NameOf(order_state)));
}
BENCHMARK(BM_AvailableOrderActions)
    ->Arg(static_cast<int>(domain::OrderState::kPendingProvider))
    ->Arg(static_cast<int>(domain::OrderState::kExecuting))
    ->Arg(static_cast<int>(domain::OrderState::kDone));

}  // namespace
}  // namespace orderly::bench
