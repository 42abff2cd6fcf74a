#include "service/orders/workflow.hpp"

#include "domain/error.hpp"
#include "domain/event_types.hpp"
#include "domain/order_moves.hpp"
#include "domain/state_rules.hpp"
#include "service/execution_hook.hpp"
#include "service/secrets.hpp"
#include "service/transition_log.hpp"

namespace orderly::service {
Workflow::Workflow(Context& context, store::Transaction& tx, const domain::Actor* actor)
    : context_(context), tx_(tx), actor_(actor), now_(context.clock.Now()) {}

void Workflow::MoveOrder(domain::Order& order, domain::OrderState to, domain::OfferingType type,
                         const std::string& message, domain::MoveKind kind) {
  const domain::OrderState from = order.state;
  // The checks before this call should have refused the move: reaching here is our bug.
  if (!domain::IsLegalOrderMove(from, to)) {
    throw Error(ErrorCode::kInternal, "No rule moves an order from " +
                                          std::string(domain::NameOf(from)) + " to " +
                                          std::string(domain::NameOf(to)) + ".");
  }
  order.state = to;
  order.modified = now_;
  if (domain::StampsCompletion(to, kind)) order.completed_at = now_;
  tx_.Orders().Update(order);
  nlohmann::json event_context = {{"from_state", domain::NameOf(from)},
                                  {"to_state", domain::NameOf(to)}};
  if (domain::RecordsError(to)) {
    event_context["error_message"] = order.error_message;
    event_context["error_traceback"] = order.error_traceback;
  }
  const std::string text = message.empty()
                               ? "Order moved from " + std::string(domain::NameOf(from)) + " to " +
                                     std::string(domain::NameOf(to)) + "."
                               : message;
  Log(domain::EventScope::kOrder, order.uuid, domain::OrderEventType(to), text,
      std::move(event_context));
  Announce("order", order.uuid, order.uuid, domain::NameOf(from), domain::NameOf(to),
           domain::OrderEventType(to));
  // processing.md §9.4: whoever placed the order with a callback_url hears of every state change;
  // the POST leaves from the outbox after this transaction commits.
  if (order.callback_url && !order.callback_url->empty() && from != to) {
    tx_.Callbacks().Enqueue(order.uuid, *order.callback_url, now_);
  }
  if (domain::JobMayRun(to) && context_.execution != nullptr) {
    context_.execution->OrderExecuting(tx_, order, type);
  }
}

void Workflow::SaveOrder(domain::Order& order, std::string_view event_type,
                         const std::string& message) {
  order.modified = now_;
  tx_.Orders().Update(order);
  Log(domain::EventScope::kOrder, order.uuid, event_type, message, nlohmann::json::object());
}

void Workflow::ApplyOutcome(domain::OrderOutcome outcome, const domain::Order& order,
                            domain::Resource& resource) {
  const domain::ResourceState from = resource.state;
  const domain::ResourceState to = domain::ResourceStateAfter(outcome, order, resource);
  resource.state = to;
  resource.modified = now_;
  if (outcome == domain::OrderOutcome::kRetried) {
    resource.error_message.clear();
    resource.error_traceback.clear();
  }
  if (outcome == domain::OrderOutcome::kProcessorFailed ||
      outcome == domain::OrderOutcome::kMarkedErred) {
    resource.error_message = order.error_message;
    resource.error_traceback = order.error_traceback;
  }
  tx_.Resources().Update(resource);
  nlohmann::json event_context = {{"from_state", domain::NameOf(from)},
                                  {"to_state", domain::NameOf(to)},
                                  {"order_uuid", order.uuid}};
  if (!order.error_message.empty()) event_context["error_message"] = order.error_message;
  if (!order.error_traceback.empty()) event_context["error_traceback"] = order.error_traceback;
  const std::string text = "Resource " + std::string(domain::NameOf(from)) + " -> " +
                           std::string(domain::NameOf(to)) + " (" +
                           std::string(domain::NameOf(order.type)) + " order " +
                           std::string(domain::NameOf(order.state)) + ").";
  Log(domain::EventScope::kResource, resource.uuid, domain::ResourceEventType(outcome, order.type),
      text, std::move(event_context));
  Announce("resource", resource.uuid, order.uuid, domain::NameOf(from), domain::NameOf(to),
           domain::ResourceEventType(outcome, order.type));
}

void Workflow::MoveResource(domain::Resource& resource, domain::ResourceState to,
                            std::string_view event_type, const std::string& message,
                            nlohmann::json context) {
  const domain::ResourceState from = resource.state;
  if (!domain::IsLegalResourceMove(from, to)) {
    throw Error(ErrorCode::kInternal, "No rule moves a resource from " +
                                          std::string(domain::NameOf(from)) + " to " +
                                          std::string(domain::NameOf(to)) + ".");
  }
  resource.state = to;
  resource.modified = now_;
  tx_.Resources().Update(resource);
  context["from_state"] = domain::NameOf(from);
  context["to_state"] = domain::NameOf(to);
  Log(domain::EventScope::kResource, resource.uuid, event_type, message, std::move(context));
  Announce("resource", resource.uuid, "", domain::NameOf(from), domain::NameOf(to), event_type);
}

void Workflow::SaveResource(domain::Resource& resource, std::string_view event_type,
                            const std::string& message) {
  resource.modified = now_;
  tx_.Resources().Update(resource);
  Log(domain::EventScope::kResource, resource.uuid, event_type, message, nlohmann::json::object());
}

void Workflow::LogOrder(const domain::Uuid& order_uuid, std::string_view event_type,
                        const std::string& message, nlohmann::json context) {
  Log(domain::EventScope::kOrder, order_uuid, event_type, message, std::move(context));
}

void Workflow::LogResource(const domain::Uuid& resource_uuid, std::string_view event_type,
                           const std::string& message, nlohmann::json context) {
  Log(domain::EventScope::kResource, resource_uuid, event_type, message, std::move(context));
}

void Workflow::Announce(std::string_view subject, const domain::Uuid& uuid,
                        const domain::Uuid& order_uuid, std::string_view from, std::string_view to,
                        std::string_view action) {
  if (context_.transitions == nullptr || from == to) return;
  tx_.AfterCommit(
      [log = context_.transitions, transition = Transition{.subject = std::string(subject),
                                                           .uuid = uuid,
                                                           .order_uuid = order_uuid,
                                                           .from = std::string(from),
                                                           .to = std::string(to),
                                                           .action = std::string(action),
                                                           .user = actor_ ? actor_->username : "",
                                                           .request_id = context_.request_id}] {
        log->Record(transition);
      });
}

void Workflow::Log(domain::EventScope scope, const domain::Uuid& uuid, std::string_view event_type,
                   const std::string& message, nlohmann::json context) {
  tx_.Events().Insert(domain::Event{.uuid = NewUuid(),
                                    .created = now_,
                                    .event_type = std::string(event_type),
                                    .message = message,
                                    .actor_uuid = actor_ ? actor_->uuid : "",
                                    .actor_username = actor_ ? actor_->username : "",
                                    .scope_type = scope,
                                    .scope_uuid = uuid,
                                    .context = std::move(context)});
}

}  // namespace orderly::service
