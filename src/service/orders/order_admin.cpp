// Order actions that change no state: unlink, backend id, PATCH, DELETE, and the reads.
#include "domain/dates.hpp"
#include "domain/error.hpp"
#include "domain/event_types.hpp"
#include "service/orders/order_actions.hpp"
#include "service/orders/order_validation.hpp"
#include "service/orders/with_order.hpp"

namespace orderly::service {
namespace {

// The orders waiting for an approval are those in the states the approval accepts.
std::vector<domain::OrderState> StatesAccepting(domain::OrderAction action) {
  const auto from = domain::TransitionOf(action).from;
  return {from.begin(), from.end()};
}

}  // namespace

void UnlinkOrder(Context& context, const domain::Actor& actor, const std::string& uuid) {
  context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, &actor);
    const store::OrderRecord record = VisibleOrder(tx, actor, uuid);
    domain::RequireOrderAction(actor, domain::OrderAction::kUnlink,
                               FactsOf(record, workflow.today()));
    tx.Orders().Delete(record.order.id);
    workflow.LogOrder(record.order.uuid, domain::kOrderUnlinkedEvent,
                      "Order unlinked by " + actor.username + "; the backend was not touched.",
                      {{"from_state", domain::NameOf(record.order.state)}});
  });
}

bool SetOrderBackendId(Context& context, const domain::Actor& actor, const std::string& uuid,
                       const std::function<std::string()>& read_backend_id) {
  bool changed = false;
  WithOrder(context, actor, uuid, domain::OrderAction::kSetBackendId,
            [&](Workflow& workflow, store::Transaction&, store::OrderRecord& record) {
              const std::string backend_id = read_backend_id();
              if (backend_id.empty())
                throw InvalidField("backend_id", "This field may not be blank.");
              if (backend_id.size() > 255) {
                throw InvalidField("backend_id",
                                   "Ensure this field has no more than 255 characters.");
              }
              changed = record.order.backend_id != backend_id;
              if (!changed) return;
              record.order.backend_id = backend_id;
              workflow.SaveOrder(record.order, domain::kOrderBackendIdEvent,
                                 "Backend id set to " + backend_id + " by " + actor.username + ".");
            });
  return changed;
}

store::OrderRecord UpdateOrder(Context& context, const domain::Actor& actor,
                               const std::string& uuid,
                               const std::function<OrderChanges()>& read_changes) {
  return WithOrder(
      context, actor, uuid, domain::OrderAction::kUpdate,
      [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
        const OrderChanges changes = read_changes();
        auto& order = record.order;
        const auto offering = tx.Offerings().FindById(order.offering_id);
        const auto project = tx.Projects().FindById(order.project_id);
        // Spec clarification 16: PATCH replaces attributes and limits as given.
        if (changes.limits) {
          ValidateLimits(*offering, *changes.limits);
          order.limits = *changes.limits;
        }
        if (changes.attributes) order.attributes = *changes.attributes;
        if (changes.start_date_present) {
          if (changes.start_date)
            ValidateStartDate(*changes.start_date, *project, workflow.today());
          order.start_date = changes.start_date;
        }
        workflow.SaveOrder(order, domain::kOrderUpdatedEvent,
                           "Order edited by " + actor.username + ".");
        // A Create order still being set up carries its edits to its resource (§3.11).
        domain::Resource resource = ResourceOf(tx, order);
        if (domain::FollowsOrderEdits(order, resource.state)) {
          resource.limits = order.limits;
          resource.attributes = order.attributes;
          if (order.attributes.contains("name") && order.attributes["name"].is_string()) {
            resource.name = order.attributes["name"].get<std::string>();
          }
          workflow.SaveResource(resource, domain::kResourceUpdatedEvent,
                                "Resource follows the edited order.");
        }
      });
}

void DeleteOrder(Context& context, const domain::Actor& actor, const std::string& uuid) {
  context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, &actor);
    store::OrderRecord record = VisibleOrder(tx, actor, uuid);
    domain::RequireOrderAction(actor, domain::OrderAction::kDestroy,
                               FactsOf(record, workflow.today()));
    domain::Resource resource = ResourceOf(tx, record.order);
    // Spec clarification 16: a deleted Create order leaves its resource Terminated, others OK.
    workflow.ApplyOutcome(domain::OrderOutcome::kCanceled, record.order, resource);
    tx.Orders().Delete(record.order.id);
    workflow.LogOrder(record.order.uuid, domain::kOrderDeletedEvent,
                      "Order deleted by " + actor.username + ".",
                      {{"from_state", domain::NameOf(record.order.state)}});
  });
}

store::OrderRecord GetOrder(Context& context, const domain::Actor& actor, const std::string& uuid) {
  return context.store.Read([&](store::Transaction& tx) { return VisibleOrder(tx, actor, uuid); });
}

store::Page<store::OrderRecord> ListOrders(Context& context, const domain::Actor& actor,
                                           OrderQuery query, const store::ListOptions& options) {
  // can_approve_as_*: the order waits for this side, and the caller could approve it there.
  const auto approver_scope = [](domain::OrderAction action) {
    return ScopeOf({domain::PermissionFor(action).permission, domain::PermissionFor(action).paths});
  };
  if (query.can_approve_as_consumer) {
    query.filter.states = StatesAccepting(domain::OrderAction::kApproveByConsumer);
    query.filter.approver = approver_scope(domain::OrderAction::kApproveByConsumer);
  }
  if (query.can_approve_as_provider) {
    query.filter.states = StatesAccepting(domain::OrderAction::kApproveByProvider);
    query.filter.approver = approver_scope(domain::OrderAction::kApproveByProvider);
  }
  if (query.can_approve_as_consumer && query.can_approve_as_provider) return {};
  if (domain::BypassesPermissions(actor)) query.filter.approver.reset();
  return context.store.Read([&](store::Transaction& tx) {
    return tx.Orders().List(VisibilityOf(actor), ScopeOf(domain::OrderListRule()), query.filter,
                            options);
  });
}

std::vector<std::string> AvailableActions(Context& context, const domain::Actor& actor,
                                          const store::OrderRecord& record) {
  return domain::AvailableOrderActions(actor, FactsOf(record, domain::DateOf(context.clock.Now())));
}

}  // namespace orderly::service
