#pragma once

#include <string>

#include "domain/actor.hpp"
#include "domain/check.hpp"
#include "domain/dates.hpp"
#include "domain/lifecycle.hpp"
#include "domain/state_rules.hpp"
#include "service/context.hpp"
#include "store/transaction.hpp"

namespace orderly::service {

// Moves orders and resources inside one transaction and records every change in the event log,
// so that no state changes without its event. `actor` is null for the system (periodic jobs).
class Workflow {
 public:
  Workflow(Context& context, store::Transaction& tx, const domain::Actor* actor);

  const std::string& now() const { return now_; }
  // Today's UTC date, YYYY-MM-DD.
  std::string today() const { return domain::DateOf(now_); }

  // Sets the order's state, stamps `modified` (and `completed_at` where
  // domain::StampsCompletion says so), saves it and logs the transition. Reaching the processing
  // state tells the execution hook. A move no domain table allows (domain::IsLegalOrderMove) is
  // a bug of ours: it throws kInternal and the transaction rolls back.
  void MoveOrder(domain::Order& order, domain::OrderState to, domain::OfferingType type,
                 const std::string& message = {}, domain::MoveKind kind = domain::MoveKind::kPlain);
  // Saves the order as it is and logs `event_type` (no state change).
  void SaveOrder(domain::Order& order, std::string_view event_type, const std::string& message);

  // Applies an order outcome to its resource (domain::ResourceStateAfter), saves and logs it.
  void ApplyOutcome(domain::OrderOutcome outcome, const domain::Order& order,
                    domain::Resource& resource);
  // Sets a resource's state directly (repairs) and logs it; a move no resource action allows
  // (domain::IsLegalResourceMove) throws kInternal.
  void MoveResource(domain::Resource& resource, domain::ResourceState to,
                    std::string_view event_type, const std::string& message,
                    nlohmann::json context = nlohmann::json::object());
  void SaveResource(domain::Resource& resource, std::string_view event_type,
                    const std::string& message);

  void LogOrder(const domain::Uuid& order_uuid, std::string_view event_type,
                const std::string& message, nlohmann::json context = nlohmann::json::object());
  void LogResource(const domain::Uuid& resource_uuid, std::string_view event_type,
                   const std::string& message, nlohmann::json context = nlohmann::json::object());

 private:
  // Tells the context's TransitionLog of a state change once the transaction commits.
  void Announce(std::string_view subject, const domain::Uuid& uuid, const domain::Uuid& order_uuid,
                std::string_view from, std::string_view to, std::string_view action);
  void Log(domain::EventScope scope, const domain::Uuid& uuid, std::string_view event_type,
           const std::string& message, nlohmann::json context);

  Context& context_;
  store::Transaction& tx_;
  const domain::Actor* actor_;
  std::string now_;
};

}  // namespace orderly::service
