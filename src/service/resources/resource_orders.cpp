// Resource actions that place an order: terminate (and force destroy), switch_plan, update_limits.
#include "domain/error.hpp"
#include "service/execution_hook.hpp"
#include "service/orders/order_routing.hpp"
#include "service/orders/order_validation.hpp"
#include "service/resources/resource_actions.hpp"
#include "service/resources/with_resource.hpp"
#include "service/secrets.hpp"

namespace orderly::service {
namespace {

struct Placement {
  domain::Offering offering;
  domain::Project project;
};

// Checks what every new order on an existing resource needs and loads its surroundings.
Placement PrepareOrder(Context& context, store::Transaction& tx, const store::ResourceRecord& record,
                       domain::OrderType type, const std::string& today) {
  RequireNoOpenOrder(tx, record.resource.id);
  Placement placement{*tx.Offerings().FindById(record.resource.offering_id),
                      *tx.Projects().FindById(record.resource.project_id)};
  const auto customer = tx.Customers().FindById(record.where.customer_id);
  ValidateOrderPlacement(*customer, placement.offering, placement.project, type, today);
  if (context.execution != nullptr) context.execution->ValidateOrder(placement.offering, type);
  return placement;
}

domain::Order NewOrderFor(const domain::Resource& resource, domain::OrderType type) {
  return domain::Order{.uuid = NewUuid(),
                       .type = type,
                       .project_id = resource.project_id,
                       .offering_id = resource.offering_id,
                       .plan_id = resource.plan_id,
                       .limits = resource.limits,
                       .cost = resource.cost};
}

// domain.md §5.3 R3: the resource's Terminate order, when it still waits for consumer approval.
// Terminating such a resource again is no state conflict: a consumer approver confirms that order
// instead of placing another, and anyone else is told it exists.
std::optional<store::OrderRecord> PendingTermination(store::Transaction& tx,
                                                     const store::ResourceRecord& record) {
  const auto open = tx.Orders().OpenOrderOf(record.resource.id, OpenOrderStates());
  if (!open || !domain::AwaitsConsumerTerminationReview(record.resource.state, *open)) {
    return std::nullopt;
  }
  return tx.Orders().FindById(open->id);
}

}  // namespace

std::string TerminateResource(Context& context, const domain::Actor& actor, store::ResourceSide side,
                              const std::string& uuid, const std::function<nlohmann::json()>& read_attributes) {
  return context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, &actor);
    const store::ResourceRecord record = VisibleResource(tx, actor, side, uuid);
    // The body decides which action this is (force_destroy is a terminate only staff may ask), yet
    // README §3 validates it after the rules: a body that cannot be read is judged as a plain
    // terminate, and its error reported once the rules let the request through.
    std::optional<Error> body_error;
    nlohmann::json attributes = nlohmann::json::object();
    try {
      attributes = read_attributes();
      if (attributes.is_null()) attributes = nlohmann::json::object();
    } catch (const Error& error) {
      body_error = error;
    }
    const bool force = attributes.value("action", "") == domain::kForceDestroy;
    const auto action =
        force ? domain::ResourceAction::kForceDestroy : domain::ResourceAction::kTerminate;
    auto pending = PendingTermination(tx, record);
    if (auto refused = domain::CheckResourceAction(actor, action, FactsOf(record))) {
      if (!pending || refused->code() != ErrorCode::kStateConflict) throw *refused;
    }
    if (body_error) throw *body_error;
    if (pending) {
      if (domain::CheckOrderAction(actor, domain::OrderAction::kApproveByConsumer,
                                   FactsOf(*pending, workflow.today()))) {
        throw Error(ErrorCode::kInvalidInput, "Pending order for resource already exists.");
      }
      ConsumerApprove(workflow, tx, actor, *pending);
      return pending->order.uuid;
    }
    const Placement placement = PrepareOrder(context, tx, record, domain::OrderType::kTerminate, workflow.today());
    domain::Order order = NewOrderFor(record.resource, domain::OrderType::kTerminate);
    order.attributes = attributes;
    domain::Resource resource = record.resource;
    PlaceOrder(workflow, tx, actor, order, resource, placement.offering, placement.project);
    return order.uuid;
  });
}

std::string SwitchPlan(Context& context, const domain::Actor& actor, const std::string& uuid,
                       const std::function<std::string()>& read_plan_uuid) {
  return WithResource(context, actor, store::ResourceSide::kConsumer, uuid, domain::ResourceAction::kSwitchPlan,
                      [&](Workflow& workflow, store::Transaction& tx, store::ResourceRecord& record) {
                        const std::string plan_uuid = read_plan_uuid();
                        const Placement placement =
                            PrepareOrder(context, tx, record, domain::OrderType::kUpdate, workflow.today());
                        const domain::Plan plan = ValidatePlan(tx, placement.offering, plan_uuid);
                        domain::Order order = NewOrderFor(record.resource, domain::OrderType::kUpdate);
                        order.old_plan_id = record.resource.plan_id;
                        order.plan_id = plan.id;
                        order.cost = plan.unit_price;
                        PlaceOrder(workflow, tx, actor, order, record.resource, placement.offering,
                                   placement.project);
                        return order.uuid;
                      });
}

std::string UpdateLimits(Context& context, const domain::Actor& actor, const std::string& uuid,
                         const std::function<LimitsRequest()>& read) {
  return WithResource(context, actor, store::ResourceSide::kConsumer, uuid, domain::ResourceAction::kUpdateLimits,
                      [&](Workflow& workflow, store::Transaction& tx, store::ResourceRecord& record) {
                        const LimitsRequest request = read();
                        const Placement placement =
                            PrepareOrder(context, tx, record, domain::OrderType::kUpdate, workflow.today());
                        ValidateLimits(placement.offering, request.limits);
                        if (request.limits == record.resource.limits) {
                          throw Error(ErrorCode::kInvalidInput,
                                      "Impossible to create update orders with limits set to exactly the same.");
                        }
                        domain::Order order = NewOrderFor(record.resource, domain::OrderType::kUpdate);
                        order.limits = request.limits;
                        order.attributes = {{"old_limits", record.resource.limits}};
                        order.request_comment = request.request_comment;
                        PlaceOrder(workflow, tx, actor, order, record.resource, placement.offering,
                                   placement.project);
                        return order.uuid;
                      });
}

}  // namespace orderly::service
