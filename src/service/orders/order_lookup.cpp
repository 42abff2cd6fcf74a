#include "service/orders/order_lookup.hpp"

#include "domain/dates.hpp"
#include "domain/error.hpp"
#include "domain/state_rules.hpp"

namespace orderly::service {

const std::vector<domain::OrderState>& OpenOrderStates() {
  static const std::vector<domain::OrderState> kOpen = domain::OpenOrderStates();
  return kOpen;
}

store::PermissionScope ScopeOf(const domain::ListRule& rule) {
  return store::PermissionScope{
      .permission = std::string(rule.permission),
      .project = (rule.paths & domain::kViaProject) != 0,
      .customer = (rule.paths & domain::kViaCustomer) != 0,
      .offering_customer = (rule.paths & domain::kViaOfferingCustomer) != 0,
      .offering = (rule.paths & domain::kViaOffering) != 0};
}

store::OrderRecord VisibleOrder(store::Transaction& tx, const domain::Actor& actor,
                                const std::string& uuid) {
  // Decided on the loaded row with the actor's roles in hand, rather than by a second query.
  auto record = tx.Orders().FindByUuid(uuid);
  if (!record || !domain::MaySee(actor, domain::OrderListRule(),
                                 SubjectOf(record->where, record->order.project_id,
                                           record->order.offering_id))) {
    throw NotFound("Order not found.");
  }
  return std::move(*record);
}

domain::Subject SubjectOf(const store::Surroundings& where, domain::Id project_id,
                          domain::Id offering_id) {
  return domain::Subject{.customer_id = where.customer_id,
                         .project_id = project_id,
                         .offering_id = offering_id,
                         .offering_customer_id = where.offering_customer_id};
}

domain::OrderFacts FactsOf(const store::OrderRecord& record, const std::string& today) {
  const auto& where = record.where;
  return domain::OrderFacts{
      .order = record.order,
      .offering_type = where.offering_type,
      .subject = SubjectOf(where, record.order.project_id, record.order.offering_id),
      .customer_blocked = where.customer_blocked,
      .project_expired = domain::ProjectExpired(
          where.project_end_date ? &*where.project_end_date : nullptr, today),
      .project_name = where.project_name};
}

domain::Actor LoadActor(store::Transaction& tx, domain::Id user_id) {
  const auto user = tx.Users().FindById(user_id);
  return user ? ActorOf(tx, *user) : domain::Actor{};
}

domain::Actor ActorOf(store::Transaction& tx, const domain::User& user) {
  auto roles = tx.Roles();
  return domain::Actor{.user_id = user.id,
                       .uuid = user.uuid,
                       .username = user.username,
                       .full_name = user.full_name,
                       .is_staff = user.is_staff,
                       .is_support = user.is_support,
                       .roles = roles.GrantsOf(user.id),
                       .permissions = roles.LoadPermissions()};
}

domain::Resource ResourceOf(store::Transaction& tx, const domain::Order& order) {
  auto record = tx.Resources().FindById(order.resource_id, OpenOrderStates());
  if (!record) throw Error(ErrorCode::kInternal, "order " + order.uuid + " has no resource");
  return std::move(record->resource);
}

}  // namespace orderly::service
