#include "store/order_repository.hpp"

#include "store/sql/dialect.hpp"
#include "store/sql/order_by.hpp"
#include "store/sql/order_queries.hpp"
#include "store/sql/params.hpp"
#include "store/sql/permission_clause.hpp"
#include "store/sql/surroundings.hpp"

namespace orderly::store {
namespace {

using domain::EnumByCode;

constexpr sql::ScopeColumns kOrderScopes{"o.project_id", "p.customer_id", "f.customer_id",
                                         "o.offering_id"};

sql::Value OptionalId(const std::optional<domain::Id>& id) {
  return id ? sql::Value(*id) : sql::Value(std::monostate{});
}

std::optional<UserRef> UserAt(const sql::Row& row, std::size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return UserRef{row.Text(column), row.Text(column + 1), row.Text(column + 2)};
}

// Columns 0..29 of kOrderRecordSelect and kSelectOrderColumns.
domain::Order ToOrder(const sql::Row& row) {
  domain::Order order;
  order.id = row.Int(0);
  order.uuid = row.Text(1);
  order.type = EnumByCode(domain::OrderTypes(), static_cast<int>(row.Int(2)))
                   .value_or(domain::OrderType::kCreate);
  order.state = EnumByCode(domain::OrderStates(), static_cast<int>(row.Int(3)))
                    .value_or(domain::OrderState::kPendingConsumer);
  order.project_id = row.Int(4);
  order.resource_id = row.Int(5);
  order.offering_id = row.Int(6);
  order.plan_id = row.OptionalInt(7);
  order.old_plan_id = row.OptionalInt(8);
  order.limits = nlohmann::json::parse(row.Text(9));
  order.attributes = nlohmann::json::parse(row.Text(10));
  order.cost = row.Text(11);
  order.backend_id = row.Text(12);
  order.error_message = row.Text(13);
  order.error_traceback = row.Text(14);
  order.output = row.Text(15);
  order.created = row.Text(16);
  order.modified = row.Text(17);
  order.created_by = row.OptionalInt(18);
  order.consumer_reviewed_by = row.OptionalInt(19);
  order.consumer_reviewed_at = row.OptionalText(20);
  order.provider_reviewed_by = row.OptionalInt(21);
  order.provider_reviewed_at = row.OptionalText(22);
  order.callback_url = row.OptionalText(23);
  order.termination_comment = row.OptionalText(24);
  order.completed_at = row.OptionalText(25);
  order.start_date = row.OptionalText(26);
  order.request_comment = row.OptionalText(27);
  order.consumer_rejection_comment = row.Text(28);
  order.provider_rejection_comment = row.Text(29);
  return order;
}

OrderRecord ToRecord(const sql::Row& row) {
  OrderRecord record;
  record.order = ToOrder(row);
  record.where = sql::ReadSurroundings(row, 30);
  record.old_plan_uuid = row.OptionalText(46);
  record.old_plan_name = row.Text(47);
  record.resource_uuid = row.Text(48);
  record.resource_name = row.Text(49);
  record.resource_state = EnumByCode(domain::ResourceStates(), static_cast<int>(row.Int(50)))
                              .value_or(domain::ResourceState::kCreating);
  record.created_by = UserAt(row, 51);
  record.consumer_reviewed_by = UserAt(row, 54);
  record.provider_reviewed_by = UserAt(row, 57);
  return record;
}

// The joins of kOrderRecordSelect a WHERE clause reads from, beyond `orders o`. The count
// joins only these: every join is on a NOT NULL foreign key, so dropping the others does not
// change how many rows match, and at 1M orders each join costs a lookup per counted row.
enum OrderJoin : unsigned {
  kJoinProject = 1U << 0,   // p
  kJoinCustomer = 1U << 1,  // c, through p
  kJoinOffering = 1U << 2,  // f
  kJoinProvider = 1U << 3,  // fc, through f
  kJoinResource = 1U << 4,  // r
};

std::string CountFrom(unsigned joins) {
  std::string from = "SELECT COUNT(*) FROM orders o";
  if ((joins & (kJoinProject | kJoinCustomer)) != 0)
    from += " JOIN projects p ON p.id = o.project_id";
  if ((joins & kJoinCustomer) != 0) from += " JOIN customers c ON c.id = p.customer_id";
  if ((joins & (kJoinOffering | kJoinProvider)) != 0)
    from += " JOIN offerings f ON f.id = o.offering_id";
  if ((joins & kJoinProvider) != 0) from += " JOIN customers fc ON fc.id = f.customer_id";
  if ((joins & kJoinResource) != 0) from += " JOIN resources r ON r.id = o.resource_id";
  return from;
}

// One WHERE clause for the list, its count and the visibility check, with the joins it needs.
class OrderWhere {
 public:
  OrderWhere(sql::Params& params, std::string_view engine) : params_(params), engine_(engine) {}

  void Holds(std::int64_t user_id, const PermissionScope& scope) {
    if (scope.customer) joins_ |= kJoinProject;
    if (scope.offering_customer) joins_ |= kJoinOffering;
    Add(sql::HoldsPermissionClause(params_, user_id, scope, kOrderScopes));
  }
  void Visible(const Visibility& visibility, const PermissionScope& list_permission) {
    if (!visibility.everything) Holds(visibility.user_id, list_permission);
  }
  // The approver clause applies to whoever asks; the service drops it for staff.
  void Filter(const Visibility& visibility, const OrderFilter& filter) {
    if (!filter.project_uuid.empty())
      Add("p.uuid = " + params_.Add(filter.project_uuid), kJoinProject);
    if (!filter.offering_uuid.empty())
      Add("f.uuid = " + params_.Add(filter.offering_uuid), kJoinOffering);
    if (!filter.provider_uuid.empty())
      Add("fc.uuid = " + params_.Add(filter.provider_uuid), kJoinProvider);
    if (!filter.customer_uuid.empty())
      Add("c.uuid = " + params_.Add(filter.customer_uuid), kJoinCustomer);
    if (!filter.resource_uuid.empty())
      Add("r.uuid = " + params_.Add(filter.resource_uuid), kJoinResource);
    if (!filter.query.empty()) {
      const std::string text = params_.Add(filter.query);
      const std::string like(sql::DialectOf(engine_).case_insensitive_like);
      Add("(o.uuid = " + text + " OR p.name " + like + " '%' || " + text + " || '%' OR r.name " +
              like + " '%' || " + text + " || '%')",
          kJoinProject | kJoinResource);
    }
    if (!filter.offering_types.empty()) {
      Add("f.type IN " +
              sql::InList(params_, filter.offering_types,
                          [](auto type) { return sql::Value(std::string(domain::NameOf(type))); }),
          kJoinOffering);
    }
    if (!filter.states.empty()) {
      Add("o.state IN " + sql::InList(params_, filter.states, [](auto state) {
            return sql::Value(static_cast<std::int64_t>(domain::CodeOf(state)));
          }));
    }
    if (!filter.types.empty()) {
      Add("o.type IN " + sql::InList(params_, filter.types, [](auto type) {
            return sql::Value(static_cast<std::int64_t>(domain::CodeOf(type)));
          }));
    }
    if (filter.approver) Holds(visibility.user_id, *filter.approver);
  }
  void Add(const std::string& condition, unsigned joins = 0) {
    where_ += (where_.empty() ? " WHERE " : " AND ") + condition;
    joins_ |= joins;
  }

  const std::string& sql() const { return where_; }
  std::string Count() const { return CountFrom(joins_) + where_; }

 private:
  sql::Params& params_;
  std::string_view engine_;
  std::string where_;
  unsigned joins_ = 0;
};

}  // namespace

void OrderRepository::Insert(domain::Order& order) {
  const auto result =
      db_.Query(sql::kInsertOrder, {order.uuid,
                                    static_cast<std::int64_t>(domain::CodeOf(order.type)),
                                    static_cast<std::int64_t>(domain::CodeOf(order.state)),
                                    order.project_id,
                                    order.resource_id,
                                    order.offering_id,
                                    OptionalId(order.plan_id),
                                    OptionalId(order.old_plan_id),
                                    order.limits.dump(),
                                    order.attributes.dump(),
                                    order.cost,
                                    order.backend_id,
                                    order.error_message,
                                    order.error_traceback,
                                    order.output,
                                    order.created,
                                    order.modified,
                                    OptionalId(order.created_by),
                                    OptionalId(order.consumer_reviewed_by),
                                    sql::Nullable(order.consumer_reviewed_at),
                                    OptionalId(order.provider_reviewed_by),
                                    sql::Nullable(order.provider_reviewed_at),
                                    sql::Nullable(order.callback_url),
                                    sql::Nullable(order.termination_comment),
                                    sql::Nullable(order.completed_at),
                                    sql::Nullable(order.start_date),
                                    sql::Nullable(order.request_comment),
                                    order.consumer_rejection_comment,
                                    order.provider_rejection_comment});
  order.id = result.rows.at(0).Int(0);
}

void OrderRepository::Update(const domain::Order& order) {
  db_.Query(sql::kUpdateOrder, {static_cast<std::int64_t>(domain::CodeOf(order.state)),
                                OptionalId(order.plan_id),
                                OptionalId(order.old_plan_id),
                                order.limits.dump(),
                                order.attributes.dump(),
                                order.cost,
                                order.backend_id,
                                order.error_message,
                                order.error_traceback,
                                order.output,
                                order.modified,
                                OptionalId(order.consumer_reviewed_by),
                                sql::Nullable(order.consumer_reviewed_at),
                                OptionalId(order.provider_reviewed_by),
                                sql::Nullable(order.provider_reviewed_at),
                                sql::Nullable(order.callback_url),
                                sql::Nullable(order.termination_comment),
                                sql::Nullable(order.completed_at),
                                sql::Nullable(order.start_date),
                                sql::Nullable(order.request_comment),
                                order.consumer_rejection_comment,
                                order.provider_rejection_comment,
                                order.id});
}

void OrderRepository::Delete(domain::Id order_id) { db_.Query(sql::kDeleteOrder, {order_id}); }

void OrderRepository::DeleteForResource(domain::Id resource_id) {
  db_.Query(sql::kDeleteOrdersOfResource, {resource_id});
}

std::optional<OrderRecord> OrderRepository::FindByUuid(const std::string& uuid) {
  const auto result =
      db_.Query(std::string(sql::kOrderRecordSelect) + " WHERE o.uuid = $1", {uuid});
  if (result.rows.empty()) return std::nullopt;
  return ToRecord(result.rows.front());
}

std::optional<OrderRecord> OrderRepository::FindById(domain::Id id) {
  const auto result = db_.Query(std::string(sql::kOrderRecordSelect) + " WHERE o.id = $1", {id});
  if (result.rows.empty()) return std::nullopt;
  return ToRecord(result.rows.front());
}

Page<OrderRecord> OrderRepository::List(const Visibility& visibility,
                                        const PermissionScope& list_permission,
                                        const OrderFilter& filter, const ListOptions& options) {
  sql::Params params;
  OrderWhere where(params, db_.Engine());
  where.Visible(visibility, list_permission);
  where.Filter(visibility, filter);
  Page<OrderRecord> page;
  page.total = db_.Query(where.Count(), params.values()).rows.at(0).Int(0);
  const std::string order_and_page =
      sql::OrderAndPage(options,
                        {{"created", "o.created"},
                         {"modified", "o.modified"},
                         {"consumer_reviewed_at", "o.consumer_reviewed_at"},
                         {"cost", "o.cost"},
                         {"state", "o.state"},
                         {"type", "o.type"}},
                        "o.created", params.next());
  params.Add(options.limit);
  params.Add(options.offset);
  for (const auto& row :
       db_.Query(std::string(sql::kOrderRecordSelect) + where.sql() + order_and_page,
                 params.values())
           .rows) {
    page.items.push_back(ToRecord(row));
  }
  return page;
}

std::optional<domain::Order> OrderRepository::OpenOrderOf(
    domain::Id resource_id, const std::vector<domain::OrderState>& open) {
  sql::Params params;
  std::string query =
      std::string(sql::kSelectOrderColumns) + " WHERE o.resource_id = " + params.Add(resource_id);
  query += " AND o.state IN " + sql::InList(params, open, [](auto state) {
             return sql::Value(static_cast<std::int64_t>(domain::CodeOf(state)));
           });
  query += " ORDER BY o.id LIMIT 1";
  const auto result = db_.Query(query, params.values());
  if (result.rows.empty()) return std::nullopt;
  return ToOrder(result.rows.front());
}

std::vector<domain::Id> OrderRepository::OrdersOfResource(domain::Id resource_id) {
  std::vector<domain::Id> ids;
  for (const auto& row : db_.Query(sql::kSelectOrderIdsOfResource, {resource_id}).rows)
    ids.push_back(row.Int(0));
  return ids;
}

std::vector<domain::Id> OrderRepository::IdsInState(domain::OrderState state, std::int64_t limit) {
  std::vector<domain::Id> ids;
  for (const auto& row : db_.Query(sql::kSelectOrderIdsInState,
                                   {static_cast<std::int64_t>(domain::CodeOf(state)), limit})
                             .rows) {
    ids.push_back(row.Int(0));
  }
  return ids;
}

}  // namespace orderly::store
