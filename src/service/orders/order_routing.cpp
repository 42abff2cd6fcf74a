#include "service/orders/order_routing.hpp"

#include "domain/capabilities.hpp"
#include "domain/event_types.hpp"
#include "domain/state_rules.hpp"

namespace orderly::service {

domain::RoutingFacts RoutingFactsFor(const domain::Order& order, const domain::Offering& offering,
                                     const domain::Project& project, const domain::Actor& approver,
                                     const std::string& today) {
  return domain::RoutingFacts{
      .project_starts_later = project.start_date && *project.start_date > today,
      .provider_review_needed = domain::ProviderReviewNeeded(
          offering.type, offering.plugin_options, domain::OwnsProvider(approver, offering)),
      .order_starts_later = order.start_date && *order.start_date > today};
}

void RouteNewOrder(Workflow& workflow, const domain::Actor& creator, domain::Order& order,
                   const domain::Offering& offering, const domain::Project& project) {
  if (domain::ConsumerReviewNeeded(creator, offering, project, order.type)) return;
  order.consumer_reviewed_by = creator.user_id;
  order.consumer_reviewed_at = workflow.now();
  const auto facts = RoutingFactsFor(order, offering, project, creator, workflow.today());
  workflow.MoveOrder(
      order, domain::RouteAfterConsumerApproval(facts), offering.type,
      "Order needs no consumer review: " +
          std::string(domain::ApprovalDetail(domain::RouteAfterConsumerApproval(facts))));
}

void PlaceOrder(Workflow& workflow, store::Transaction& tx, const domain::Actor& creator,
                domain::Order& order, domain::Resource& resource, const domain::Offering& offering,
                const domain::Project& project) {
  order.state = domain::kNewOrderState;
  order.created = workflow.now();
  order.modified = workflow.now();
  order.created_by = creator.user_id;
  order.resource_id = resource.id;
  tx.Orders().Insert(order);
  workflow.LogOrder(
      order.uuid, domain::kOrderCreatedEvent,
      std::string(domain::NameOf(order.type)) + " order placed by " + creator.username + ".",
      {{"to_state", domain::NameOf(order.state)}});
  workflow.ApplyOutcome(domain::OrderOutcome::kCreated, order, resource);
  RouteNewOrder(workflow, creator, order, offering, project);
}

}  // namespace orderly::service

namespace orderly::service {

std::string ConsumerApprove(Workflow& workflow, store::Transaction& tx,
                            const domain::Actor& approver, store::OrderRecord& record) {
  auto& order = record.order;
  const auto offering = tx.Offerings().FindById(order.offering_id);
  const auto project = tx.Projects().FindById(order.project_id);
  order.consumer_reviewed_by = approver.user_id;
  order.consumer_reviewed_at = workflow.now();
  const auto facts = RoutingFactsFor(order, *offering, *project, approver, workflow.today());
  const auto next = domain::RouteAfterConsumerApproval(facts);
  workflow.MoveOrder(order, next, offering->type,
                     "Approved by consumer " + approver.username + ".");
  return std::string(domain::ApprovalDetail(next));
}

}  // namespace orderly::service
