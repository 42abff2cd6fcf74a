#include "domain/remote_states.hpp"

#include <array>

namespace orderly::domain {
namespace {

using O = OrderState;

// A remote order still waiting for review counts as being carried out here; both ways of
// ending without a result count as canceled.
constexpr std::array<RemoteStateMapping, 7> kMappings{{
    {O::kPendingConsumer, O::kExecuting},
    {O::kPendingProvider, O::kExecuting},
    {O::kExecuting, O::kExecuting},
    {O::kDone, O::kDone},
    {O::kErred, O::kErred},
    {O::kCanceled, O::kCanceled},
    {O::kRejected, O::kCanceled},
}};

}  // namespace

std::span<const RemoteStateMapping> RemoteStateMappings() { return kMappings; }

std::optional<OrderState> LocalStateForRemote(std::string_view remote_state_name) {
  const auto remote = EnumByName(OrderStates(), remote_state_name);
  if (!remote) return std::nullopt;
  for (const auto& mapping : kMappings) {
    if (mapping.remote == *remote) return mapping.local;
  }
  return std::nullopt;
}

}  // namespace orderly::domain
