#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "store/list_options.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

struct UserRef {
  domain::Uuid uuid;
  std::string username;
  std::string full_name;
};

// Where an order or a resource lives: read with it in one query.
struct Surroundings {
  domain::Uuid project_uuid;
  std::string project_name;
  std::optional<std::string> project_start_date;
  std::optional<std::string> project_end_date;
  domain::Id customer_id = 0;
  domain::Uuid customer_uuid;
  std::string customer_name;
  bool customer_blocked = false;
  domain::Uuid offering_uuid;
  std::string offering_name;
  domain::OfferingType offering_type = domain::OfferingType::kBasic;
  domain::Id offering_customer_id = 0;
  domain::Uuid provider_uuid;  // the offering's organization
  std::string provider_name;
  std::optional<domain::Uuid> plan_uuid;
  std::string plan_name;
};

struct OrderRecord {
  domain::Order order;
  Surroundings where;
  std::optional<domain::Uuid> old_plan_uuid;
  std::string old_plan_name;
  domain::Uuid resource_uuid;
  std::string resource_name;
  domain::ResourceState resource_state = domain::ResourceState::kCreating;
  std::optional<UserRef> created_by;
  std::optional<UserRef> consumer_reviewed_by;
  std::optional<UserRef> provider_reviewed_by;
};

// A permission held on some of an order's scopes (for visibility and can_approve_as_* filters).
struct PermissionScope {
  std::string permission;
  bool project = false;
  bool customer = false;
  bool offering_customer = false;
  bool offering = false;
};

struct OrderFilter {
  std::string project_uuid;
  std::string offering_uuid;
  std::string provider_uuid;  // the offering's organization
  std::string customer_uuid;  // the project's organization
  std::string resource_uuid;
  std::string query;  // matches the order's uuid, or part of its project's or resource's name
  std::vector<domain::OfferingType> offering_types;
  std::vector<domain::OrderState> states;
  std::vector<domain::OrderType> types;
  // can_approve_as_*: non-staff callers must also hold this permission on these scopes.
  std::optional<PermissionScope> approver;
};

class OrderRepository {
 public:
  explicit OrderRepository(sql::Connection& connection) : db_(connection) {}

  void Insert(domain::Order& order);
  // Writes every mutable field of the order and stamps `modified`.
  void Update(const domain::Order& order);
  void Delete(domain::Id order_id);
  void DeleteForResource(domain::Id resource_id);

  std::optional<OrderRecord> FindByUuid(const std::string& uuid);
  std::optional<OrderRecord> FindById(domain::Id id);
  // Visible: everything for staff and support, else orders where the user holds `visibility`'s
  // permission on the project, its organization, the offering's organization or the offering.
  Page<OrderRecord> List(const Visibility& visibility, const PermissionScope& list_permission,
                         const OrderFilter& filter, const ListOptions& options);

  // The open (non-terminal) order of a resource, if any.
  std::optional<domain::Order> OpenOrderOf(domain::Id resource_id,
                                           const std::vector<domain::OrderState>& open);
  std::vector<domain::Id> OrdersOfResource(domain::Id resource_id);
  // Orders in `state`, oldest first (periodic jobs).
  std::vector<domain::Id> IdsInState(domain::OrderState state, std::int64_t limit);

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
