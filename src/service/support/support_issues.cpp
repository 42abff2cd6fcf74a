#include "service/support/support_issues.hpp"

#include "domain/check.hpp"
#include "domain/error.hpp"
#include "domain/event_types.hpp"
#include "domain/processing_ends.hpp"
#include "domain/state_rules.hpp"
#include "domain/support_issue.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/orders/workflow.hpp"
#include "service/secrets.hpp"

namespace orderly::service {
namespace {

std::string Quoted(const nlohmann::json& value) {
  return value.is_string() ? "'" + value.get<std::string>() + "'" : value.dump();
}

// processing.md §9.2: the summary by order type, the description from attributes, the order and
// the requested limits.
std::pair<std::string, std::string> Render(const store::OrderRecord& record,
                                           const domain::Offering& offering) {
  const auto& order = record.order;
  std::string summary;
  switch (order.type) {
    case domain::OrderType::kCreate: summary = "Request for " + offering.name; break;
    case domain::OrderType::kUpdate:
      summary = order.attributes.contains("old_limits")
                    ? "Request to update limits for " + record.resource_name
                    : "Request to switch plan for " + record.resource_name;
      break;
    case domain::OrderType::kTerminate:
      summary = "Request to terminate resource " + record.resource_name;
      break;
  }
  std::string description;
  for (const auto& [key, value] : order.attributes.items()) {
    if (key != "description") description += key + ": " + Quoted(value) + "\n";
  }
  if (order.attributes.contains("description") && order.attributes["description"].is_string()) {
    description += "\n" + order.attributes["description"].get<std::string>() + "\n";
  }
  description += "\nOrder: " + order.uuid + " (" + std::string(domain::NameOf(order.type)) + ")\n";
  description += "Resource: " + record.resource_name + " (" + record.resource_uuid + ")\n";
  description += "Project: " + record.where.project_name +
                 ", organization: " + record.where.customer_name + "\n";
  if (record.where.plan_uuid) description += "Plan: " + record.where.plan_name + "\n";
  for (const auto& component : offering.components) {
    if (!order.limits.contains(component.type)) continue;
    description += component.name + " (" + component.type +
                   "): " + order.limits[component.type].dump() +
                   (component.measured_unit.empty() ? "" : " " + component.measured_unit) + "\n";
  }
  return {summary, description};
}

struct Located {
  domain::SupportIssue issue;
  store::OrderRecord order;
};

// The issue, when the caller may see its order.
Located VisibleIssue(store::Transaction& tx, const domain::Actor& actor, const std::string& uuid) {
  auto issue = tx.Support().FindByUuid(uuid);
  if (!issue) throw NotFound("Issue not found.");
  std::optional<store::OrderRecord> order;
  try {
    order = VisibleOrder(tx, actor, issue->order_uuid);
  } catch (const Error&) {
    throw NotFound("Issue not found.");
  }
  return {std::move(*issue), std::move(*order)};
}

IssueView ViewOf(store::Transaction& tx, const domain::SupportIssue& issue) {
  return {issue, tx.Support().CommentsOf(issue.id)};
}

}  // namespace

void OpenSupportIssue(store::Transaction& tx, const domain::Order& order, const std::string& now) {
  if (tx.Support().FindByOrder(order.id)) return;
  const auto record = tx.Orders().FindById(order.id);
  const auto offering = tx.Offerings().FindById(order.offering_id);
  const auto [summary, description] = Render(*record, *offering);
  domain::SupportIssue issue{.uuid = NewUuid(),
                             .order_id = order.id,
                             .order_uuid = order.uuid,
                             .summary = summary,
                             .description = description,
                             .caller_id = order.created_by,
                             .created = now,
                             .modified = now};
  tx.Support().Insert(issue);
}

store::Page<domain::SupportIssue> ListSupportIssues(Context& context, const domain::Actor& actor,
                                                    const store::ListOptions& options) {
  return context.store.Read([&](store::Transaction& tx) {
    return tx.Support().List(VisibilityOf(actor), ScopeOf(domain::OrderListRule()), options);
  });
}

IssueView GetSupportIssue(Context& context, const domain::Actor& actor, const std::string& uuid) {
  return context.store.Read(
      [&](store::Transaction& tx) { return ViewOf(tx, VisibleIssue(tx, actor, uuid).issue); });
}

IssueView CommentOnSupportIssue(Context& context, const domain::Actor& actor,
                                const std::string& uuid,
                                const std::function<std::string()>& read_body) {
  return context.store.Write([&](store::Transaction& tx) {
    auto located = VisibleIssue(tx, actor, uuid);
    if (!domain::MayCommentOnIssue(actor))
      throw Forbidden("You do not have permission to perform this action.");
    const std::string body = read_body();
    if (body.empty()) throw InvalidField("description", "This field may not be blank.");
    tx.Support().AddComment(located.issue.id,
                            {.uuid = NewUuid(),
                             .author_username = actor.username,
                             .body = body,
                             .created = context.clock.Now()},
                            actor.user_id);
    return ViewOf(tx, located.issue);
  });
}

IssueView SetSupportIssueStatus(Context& context, const domain::Actor& actor,
                                const std::string& uuid,
                                const std::function<domain::IssueStatus()>& read_status) {
  return context.store.Write([&](store::Transaction& tx) {
    Workflow workflow(context, tx, &actor);
    auto located = VisibleIssue(tx, actor, uuid);
    const auto subject = SubjectOf(located.order.where, located.order.order.project_id,
                                   located.order.order.offering_id);
    if (!domain::MayTake(actor, domain::IssueStatusPermission(), subject)) {
      throw Forbidden("You do not have permission to perform this action.");
    }
    const domain::IssueStatus status = read_status();
    auto& issue = located.issue;
    issue.status = status;
    issue.modified = workflow.now();
    tx.Support().Update(issue);
    workflow.LogOrder(issue.order_uuid, "support_issue_" + std::string(domain::NameOf(status)),
                      "Helpdesk issue " + issue.key + " set to " +
                          std::string(domain::NameOf(status)) + " by " + actor.username + ".");
    auto& order = located.order.order;
    const auto end = domain::ProcessingEndAfterIssue(status, order.type);
    if (!end || !domain::JobMayRun(order.state)) return ViewOf(tx, issue);
    const auto& rule = domain::RuleOf(*end);
    domain::Resource resource = ResourceOf(tx, order);
    const std::string message =
        "Helpdesk issue " + issue.key + " " + std::string(domain::NameOf(status)) + ".";
    if (domain::RecordsError(rule.to)) order.error_message = message;
    workflow.MoveOrder(order, rule.to, located.order.where.offering_type, message);
    if (domain::TakesOrderTerms(rule.outcome, order)) {
      if (order.plan_id) resource.plan_id = order.plan_id;
      resource.limits = order.limits;
    }
    workflow.ApplyOutcome(rule.outcome, order, resource);
    return ViewOf(tx, issue);
  });
}

}  // namespace orderly::service
