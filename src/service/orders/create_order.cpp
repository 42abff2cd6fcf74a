#include "domain/error.hpp"
#include "domain/transitions.hpp"
#include "service/customers.hpp"
#include "service/execution_hook.hpp"
#include "service/orders/order_actions.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/orders/order_routing.hpp"
#include "service/orders/order_validation.hpp"
#include "service/secrets.hpp"

namespace orderly::service {
namespace {

constexpr std::size_t kMaxResourceName = 150;

domain::Project ReferencedProject(store::Transaction& tx, const domain::Actor& actor, const std::string& uuid) {
  auto projects = tx.Projects();
  auto project = projects.FindByUuid(uuid);
  if (!project || !projects.IsVisible(VisibilityOf(actor), project->id)) {
    throw InvalidField("project", "Invalid hyperlink - Object does not exist.");
  }
  return *project;
}

domain::Offering ReferencedOffering(store::Transaction& tx, const domain::Actor& actor,
                                    const std::string& uuid, const domain::Project& project) {
  auto offerings = tx.Offerings();
  auto offering = offerings.FindByUuid(uuid);
  std::vector<domain::OfferingState> public_states;
  for (const auto& entry : domain::OfferingStates()) {
    if (domain::OfferingOnSale(entry.value)) public_states.push_back(entry.value);
  }
  if (!offering || !offerings.IsVisible(VisibilityOf(actor), offering->id, public_states)) {
    throw InvalidField("offering", "Invalid hyperlink - Object does not exist.");
  }
  // A private offering serves its own organization only (domain.md §5.1).
  if (!offering->shared && !actor.is_staff && offering->customer_id != project.customer_id) {
    throw InvalidField("offering", "This offering is not available to the project's organization.");
  }
  return *offering;
}

}  // namespace

store::OrderRecord CreateOrder(Context& context, const domain::Actor& actor,
                               const std::function<NewOrder()>& read_input) {
  const NewOrder input = read_input();
  return context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, &actor);
    const domain::Project project = ReferencedProject(tx, actor, input.project_uuid);
    const domain::Subject consumer{.customer_id = project.customer_id, .project_id = project.id};
    if (!domain::MayTake(actor, domain::CreateOrderPermission(), consumer)) {
      throw Forbidden("You do not have permission to perform this action.");
    }
    const domain::Offering offering = ReferencedOffering(tx, actor, input.offering_uuid, project);
    const auto customer = tx.Customers().FindById(project.customer_id);
    ValidateOrderPlacement(*customer, offering, project, domain::OrderType::kCreate, workflow.today());
    if (context.execution != nullptr) context.execution->ValidateOrder(offering, domain::OrderType::kCreate);

    std::optional<domain::Plan> plan;
    if (input.plan_uuid) {
      plan = ValidatePlan(tx, offering, *input.plan_uuid);
    } else if (offering.shared && !offering.plans.empty()) {
      throw InvalidField("plan", "Plan is required when creating resources.");
    }
    if (!input.attributes.is_object()) throw InvalidField("attributes", "Expected a JSON object.");
    const auto name = input.attributes.value("name", nlohmann::json(""));
    if (!name.is_string()) throw InvalidField("attributes", "attributes.name must be a string.");
    if (name.get<std::string>().size() > kMaxResourceName) {
      throw InvalidField("attributes", "Name is too long: at most 150 characters.");
    }
    ValidateLimits(offering, input.limits);
    if (input.start_date) ValidateStartDate(*input.start_date, project, workflow.today());

    domain::Resource resource{.uuid = NewUuid(),
                              .name = name.get<std::string>(),
                              .state = domain::ResourceState::kCreating,
                              .project_id = project.id,
                              .offering_id = offering.id,
                              .plan_id = plan ? std::optional<domain::Id>(plan->id) : std::nullopt,
                              .limits = input.limits,
                              .attributes = input.attributes,
                              .cost = plan ? plan->unit_price : "",
                              .created = workflow.now(),
                              .modified = workflow.now()};
    tx.Resources().Insert(resource);
    domain::Order order{.uuid = NewUuid(),
                        .type = domain::OrderType::kCreate,
                        .project_id = project.id,
                        .offering_id = offering.id,
                        .plan_id = resource.plan_id,
                        .limits = input.limits,
                        .attributes = input.attributes,
                        .cost = resource.cost,
                        .callback_url = input.callback_url,
                        .start_date = input.start_date,
                        .request_comment = input.request_comment};
    PlaceOrder(workflow, tx, actor, order, resource, offering, project);
    return *tx.Orders().FindById(order.id);
  });
}

}  // namespace orderly::service
