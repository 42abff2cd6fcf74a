// The actions that move an order through its states (domain.md §5.2 #5-#13).
#include "domain/error.hpp"
#include "domain/event_types.hpp"
#include "domain/routing.hpp"
#include "service/execution_hook.hpp"
#include "service/orders/order_actions.hpp"
#include "service/orders/order_routing.hpp"
#include "service/orders/with_order.hpp"

namespace orderly::service {
namespace {

struct OrderWorld {
  domain::Offering offering;
  domain::Project project;
};

OrderWorld WorldOf(store::Transaction& tx, const domain::Order& order) {
  return {*tx.Offerings().FindById(order.offering_id), *tx.Projects().FindById(order.project_id)};
}

// Where `action` leads: its row of the order transition table says.
domain::OrderState TargetOf(domain::OrderAction action) { return *domain::TransitionOf(action).to; }

// Moves the order where `action` leads and applies the outcome to its resource.
void Finish(Workflow& workflow, store::Transaction& tx, store::OrderRecord& record,
            domain::OrderAction action, domain::OrderOutcome outcome,
            const std::string& message = {}) {
  workflow.MoveOrder(record.order, TargetOf(action), record.where.offering_type, message);
  domain::Resource resource = ResourceOf(tx, record.order);
  if (domain::TakesOrderTerms(outcome, record.order)) {
    // resource_update_succeeded: the order's plan and limits become the resource's.
    if (record.order.plan_id) resource.plan_id = record.order.plan_id;
    resource.limits = record.order.limits;
    resource.cost = record.order.cost.empty() ? resource.cost : record.order.cost;
  }
  workflow.ApplyOutcome(outcome, record.order, resource);
}

}  // namespace

ApprovalResult ApproveByConsumer(Context& context, const domain::Actor& actor,
                                 const std::string& uuid) {
  std::string detail;
  auto record =
      WithOrder(context, actor, uuid, domain::OrderAction::kApproveByConsumer,
                [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
                  detail = ConsumerApprove(workflow, tx, actor, record);
                });
  return {std::move(record), std::move(detail)};
}

ApprovalResult ApproveByProvider(Context& context, const domain::Actor& actor,
                                 const std::string& uuid,
                                 const std::function<nlohmann::json()>& read_attributes) {
  std::string detail;
  auto record =
      WithOrder(context, actor, uuid, domain::OrderAction::kApproveByProvider,
                [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
                  auto& order = record.order;
                  const nlohmann::json attributes = read_attributes();
                  if (!attributes.is_null()) order.attributes.update(attributes);
                  const auto world = WorldOf(tx, order);
                  order.provider_reviewed_by = actor.user_id;
                  order.provider_reviewed_at = workflow.now();
                  const auto facts = RoutingFactsFor(order, world.offering, world.project, actor,
                                                     workflow.today());
                  const auto next = domain::RouteAfterProviderApproval(facts);
                  detail = domain::ApprovalDetail(next);
                  workflow.MoveOrder(order, next, world.offering.type,
                                     "Approved by provider " + actor.username + ".");
                });
  return {std::move(record), std::move(detail)};
}

store::OrderRecord RejectByConsumer(Context& context, const domain::Actor& actor,
                                    const std::string& uuid,
                                    const std::function<Rejection()>& read) {
  return WithOrder(context, actor, uuid, domain::OrderAction::kRejectByConsumer,
                   [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
                     const Rejection rejection = read();
                     auto& order = record.order;
                     order.consumer_reviewed_by = actor.user_id;
                     order.consumer_reviewed_at = workflow.now();
                     order.consumer_rejection_comment = rejection.comment;
                     order.error_message = rejection.error_message;
                     order.error_traceback = rejection.error_traceback;
                     Finish(workflow, tx, record, domain::OrderAction::kRejectByConsumer,
                            domain::OrderOutcome::kRejected,
                            "Rejected by consumer " + actor.username +
                                (rejection.comment.empty() ? "." : ": " + rejection.comment));
                   });
}

store::OrderRecord RejectByProvider(Context& context, const domain::Actor& actor,
                                    const std::string& uuid,
                                    const std::function<Rejection()>& read) {
  return WithOrder(context, actor, uuid, domain::OrderAction::kRejectByProvider,
                   [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
                     const Rejection rejection = read();
                     auto& order = record.order;
                     order.provider_reviewed_by = actor.user_id;
                     order.provider_reviewed_at = workflow.now();
                     order.provider_rejection_comment = rejection.comment;
                     Finish(workflow, tx, record, domain::OrderAction::kRejectByProvider,
                            domain::OrderOutcome::kRejected,
                            "Rejected by provider " + actor.username +
                                (rejection.comment.empty() ? "." : ": " + rejection.comment));
                   });
}

store::OrderRecord CancelOrder(Context& context, const domain::Actor& actor,
                               const std::string& uuid) {
  return WithOrder(context, actor, uuid, domain::OrderAction::kCancel,
                   [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
                     Finish(workflow, tx, record, domain::OrderAction::kCancel,
                            domain::OrderOutcome::kCanceled, "Canceled by " + actor.username + ".");
                   });
}

store::OrderRecord CancelTermination(Context& context, const domain::Actor& actor,
                                     const std::string& uuid) {
  const auto [order, offering] = context.store.Read([&](store::Transaction& tx) {
    Workflow workflow(context, tx, &actor);
    store::OrderRecord record = VisibleOrder(tx, actor, uuid);
    domain::RequireOrderAction(actor, domain::OrderAction::kCancelTermination,
                               FactsOf(record, workflow.today()));
    return std::pair{record.order, *tx.Offerings().FindById(record.order.offering_id)};
  });
  if (context.execution == nullptr)
    throw Error(ErrorCode::kUpstreamFailed, "No processing in this process.");
  // Outside any transaction: the remote call may take up to --remote-timeout.
  context.execution->CancelAtBackend(offering, order);
  return WithOrder(
      context, actor, uuid, domain::OrderAction::kCancelTermination,
      [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
        Finish(workflow, tx, record, domain::OrderAction::kCancelTermination,
               domain::OrderOutcome::kCanceled,
               "Termination canceled by " + actor.username + "; the remote order was rejected.");
      });
}

store::OrderRecord SetOrderExecuting(Context& context, const domain::Actor& actor,
                                     const std::string& uuid) {
  return WithOrder(context, actor, uuid, domain::OrderAction::kSetStateExecuting,
                   [&](Workflow& workflow, store::Transaction&, store::OrderRecord& record) {
                     workflow.MoveOrder(
                         record.order, TargetOf(domain::OrderAction::kSetStateExecuting),
                         record.where.offering_type, "Set executing by " + actor.username + ".");
                   });
}

store::OrderRecord SetOrderDone(Context& context, const domain::Actor& actor,
                                const std::string& uuid) {
  return WithOrder(context, actor, uuid, domain::OrderAction::kSetStateDone,
                   [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
                     Finish(workflow, tx, record, domain::OrderAction::kSetStateDone,
                            domain::OrderOutcome::kDone, "Marked done by " + actor.username + ".");
                   });
}

store::OrderRecord SetOrderErred(Context& context, const domain::Actor& actor,
                                 const std::string& uuid,
                                 const std::function<ErrorReport()>& read) {
  return WithOrder(context, actor, uuid, domain::OrderAction::kSetStateErred,
                   [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
                     const ErrorReport report = read();
                     record.order.error_message = report.error_message;
                     record.order.error_traceback = report.error_traceback;
                     Finish(workflow, tx, record, domain::OrderAction::kSetStateErred,
                            domain::OrderOutcome::kMarkedErred,
                            "Marked erred by " + actor.username +
                                (report.error_message.empty() ? "." : ": " + report.error_message));
                   });
}

store::OrderRecord RetryOrder(Context& context, const domain::Actor& actor,
                              const std::string& uuid) {
  return WithOrder(
      context, actor, uuid, domain::OrderAction::kRetry,
      [&](Workflow& workflow, store::Transaction& tx, store::OrderRecord& record) {
        auto& order = record.order;
        domain::Resource resource = ResourceOf(tx, order);
        if (!domain::RetryAllowedFor(order, resource.state)) {
          throw Error(ErrorCode::kInvalidInput, "Cannot retry: resource state " +
                                                    std::string(domain::NameOf(resource.state)) +
                                                    " does not allow transition.");
        }
        // Spec decision 7: the fields are cleared, the event log keeps the error.
        workflow.LogOrder(
            order.uuid, domain::kOrderRetriedEvent,
            "Retried by " + actor.username + "; previous error: " + order.error_message,
            {{"error_message", order.error_message}, {"error_traceback", order.error_traceback}});
        order.error_message.clear();
        order.error_traceback.clear();
        order.completed_at.reset();
        workflow.ApplyOutcome(domain::OrderOutcome::kRetried, order, resource);
        workflow.MoveOrder(order, TargetOf(domain::OrderAction::kRetry), record.where.offering_type,
                           "Resubmitted for processing by " + actor.username + ".");
      });
}

}  // namespace orderly::service
