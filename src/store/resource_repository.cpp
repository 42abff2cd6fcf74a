#include "store/resource_repository.hpp"

#include "store/sql/order_by.hpp"
#include "store/sql/params.hpp"
#include "store/sql/permission_clause.hpp"
#include "store/sql/resource_queries.hpp"
#include "store/sql/surroundings.hpp"

namespace orderly::store {
namespace {

using domain::EnumByCode;

constexpr sql::ScopeColumns kResourceScopes{"r.project_id", "p.customer_id", "f.customer_id",
                                            "r.offering_id"};

sql::Value OptionalId(const std::optional<domain::Id>& id) {
  return id ? sql::Value(*id) : sql::Value(std::monostate{});
}

sql::Value StateCode(domain::ResourceState state) {
  return sql::Value(static_cast<std::int64_t>(domain::CodeOf(state)));
}

// The order in progress, as a column appended after ORDERLY_RESOURCE_COLUMNS.
std::string InProgressColumn(sql::Params& params, const std::vector<domain::OrderState>& open) {
  return ", (SELECT io.uuid FROM orders io WHERE io.resource_id = r.id AND io.state IN " +
         sql::InList(params, open,
                     [](auto state) {
                       return sql::Value(static_cast<std::int64_t>(domain::CodeOf(state)));
                     }) +
         " ORDER BY io.id LIMIT 1)";
}

ResourceRecord ToRecord(const sql::Row& row) {
  ResourceRecord record;
  auto& resource = record.resource;
  resource.id = row.Int(0);
  resource.uuid = row.Text(1);
  resource.name = row.Text(2);
  resource.description = row.Text(3);
  resource.state = EnumByCode(domain::ResourceStates(), static_cast<int>(row.Int(4)))
                       .value_or(domain::ResourceState::kCreating);
  resource.project_id = row.Int(5);
  resource.offering_id = row.Int(6);
  resource.plan_id = row.OptionalInt(7);
  resource.limits = nlohmann::json::parse(row.Text(8));
  resource.attributes = nlohmann::json::parse(row.Text(9));
  resource.cost = row.Text(10);
  resource.end_date = row.OptionalText(11);
  resource.backend_id = row.Text(12);
  resource.backend_metadata = nlohmann::json::parse(row.Text(13));
  resource.error_message = row.Text(14);
  resource.error_traceback = row.Text(15);
  resource.created = row.Text(16);
  resource.modified = row.Text(17);
  record.where = sql::ReadSurroundings(row, 18);
  record.creation_order_uuid = row.OptionalText(34);
  record.order_in_progress_uuid = row.OptionalText(35);
  return record;
}

std::string VisibleClause(sql::Params& params, ResourceSide side, const Visibility& visibility,
                          const PermissionScope& list_permission) {
  if (visibility.everything) return "1 = 1";
  if (side == ResourceSide::kConsumer) {
    return sql::HoldsPermissionClause(params, visibility.user_id, list_permission, kResourceScopes);
  }
  std::string clause = sql::kProviderSideVisible;
  clause.replace(clause.find("{user}"), 6, params.Add(visibility.user_id));
  return clause;
}

std::string FilterClause(sql::Params& params, const ResourceFilter& filter) {
  std::string clause;
  auto add = [&clause](const std::string& part) { clause += " AND " + part; };
  if (!filter.project_uuid.empty()) add("p.uuid = " + params.Add(filter.project_uuid));
  if (!filter.customer_uuid.empty()) add("c.uuid = " + params.Add(filter.customer_uuid));
  if (!filter.offering_uuid.empty()) add("f.uuid = " + params.Add(filter.offering_uuid));
  if (!filter.provider_uuid.empty()) add("fc.uuid = " + params.Add(filter.provider_uuid));
  if (!filter.name.empty()) add("r.name = " + params.Add(filter.name));
  if (!filter.backend_id.empty()) add("r.backend_id = " + params.Add(filter.backend_id));
  if (!filter.states.empty()) add("r.state IN " + sql::InList(params, filter.states, StateCode));
  if (!filter.modified_before.empty()) add("r.modified < " + params.Add(filter.modified_before));
  if (!filter.offering_types.empty()) {
    add("f.type IN " + sql::InList(params, filter.offering_types, [](auto type) {
          return sql::Value(std::string(domain::NameOf(type)));
        }));
  }
  return clause;
}

}  // namespace

void ResourceRepository::Insert(domain::Resource& resource) {
  const auto result = db_.Query(
      sql::kInsertResource,
      {resource.uuid, resource.name, resource.description, StateCode(resource.state),
       resource.project_id, resource.offering_id, OptionalId(resource.plan_id),
       resource.limits.dump(), resource.attributes.dump(), resource.cost,
       sql::Nullable(resource.end_date), resource.backend_id, resource.backend_metadata.dump(),
       resource.error_message, resource.error_traceback, resource.created, resource.modified});
  resource.id = result.rows.at(0).Int(0);
}

void ResourceRepository::Update(const domain::Resource& resource) {
  db_.Query(
      sql::kUpdateResource,
      {resource.name, resource.description, StateCode(resource.state), OptionalId(resource.plan_id),
       resource.limits.dump(), resource.attributes.dump(), resource.cost,
       sql::Nullable(resource.end_date), resource.backend_id, resource.backend_metadata.dump(),
       resource.error_message, resource.error_traceback, resource.modified, resource.id});
}

void ResourceRepository::Delete(domain::Id resource_id) {
  db_.Query(sql::kDeleteResource, {resource_id});
}

std::optional<ResourceRecord> ResourceRepository::FindByUuid(
    const std::string& uuid, const std::vector<domain::OrderState>& open_states) {
  sql::Params params;
  const std::string columns = InProgressColumn(params, open_states);
  const std::string query = std::string(sql::kResourceSelect) + columns + sql::kResourceFrom +
                            " WHERE r.uuid = " + params.Add(uuid);
  const auto result = db_.Query(query, params.values());
  if (result.rows.empty()) return std::nullopt;
  return ToRecord(result.rows.front());
}

std::optional<ResourceRecord> ResourceRepository::FindById(
    domain::Id id, const std::vector<domain::OrderState>& open_states) {
  sql::Params params;
  const std::string columns = InProgressColumn(params, open_states);
  const std::string query = std::string(sql::kResourceSelect) + columns + sql::kResourceFrom +
                            " WHERE r.id = " + params.Add(id);
  const auto result = db_.Query(query, params.values());
  if (result.rows.empty()) return std::nullopt;
  return ToRecord(result.rows.front());
}

Page<ResourceRecord> ResourceRepository::List(ResourceSide side, const Visibility& visibility,
                                              const PermissionScope& list_permission,
                                              const ResourceFilter& filter,
                                              const ListOptions& options,
                                              const std::vector<domain::OrderState>& open_states) {
  Page<ResourceRecord> page;
  {
    sql::Params params;
    std::string where = " WHERE " + VisibleClause(params, side, visibility, list_permission);
    where += FilterClause(params, filter);
    page.total =
        db_.Query(std::string("SELECT COUNT(*)") + sql::kResourceFrom + where, params.values())
            .rows.at(0)
            .Int(0);
  }
  sql::Params params;
  const std::string columns = InProgressColumn(params, open_states);
  std::string where = " WHERE " + VisibleClause(params, side, visibility, list_permission);
  where += FilterClause(params, filter);
  const std::string order_and_page = sql::OrderAndPage(options,
                                                       {{"name", "r.name"},
                                                        {"created", "r.created"},
                                                        {"state", "r.state"},
                                                        {"end_date", "r.end_date"},
                                                        {"project_name", "p.name"}},
                                                       "r.created", params.next());
  params.Add(options.limit);
  params.Add(options.offset);
  for (const auto& row : db_.Query(std::string(sql::kResourceSelect) + columns +
                                       sql::kResourceFrom + where + order_and_page,
                                   params.values())
                             .rows) {
    page.items.push_back(ToRecord(row));
  }
  return page;
}

bool ResourceRepository::IsVisible(ResourceSide side, const Visibility& visibility,
                                   const PermissionScope& list_permission, domain::Id resource_id) {
  if (visibility.everything) return true;
  sql::Params params;
  std::string where = " WHERE " + VisibleClause(params, side, visibility, list_permission);
  where += " AND r.id = " + params.Add(resource_id);
  return db_.Query(std::string("SELECT COUNT(*)") + sql::kResourceFrom + where, params.values())
             .rows.at(0)
             .Int(0) > 0;
}

std::vector<StuckResource> ResourceRepository::UnflaggedStuck(
    const std::vector<domain::ResourceState>& states, const std::string& modified_before,
    const std::string& flag_event, std::int64_t limit) {
  if (states.empty()) return {};
  sql::Params params;
  std::string query = "SELECT r.id, r.uuid, r.state, r.modified FROM resources r WHERE r.state IN ";
  query += sql::InList(params, states, StateCode);
  query += " AND r.modified < " + params.Add(modified_before);
  query +=
      " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.scope_uuid = r.uuid AND e.event_type = ";
  query += params.Add(flag_event);
  query += " AND e.created >= r.modified) ORDER BY r.modified LIMIT ";
  query += params.Add(limit);
  std::vector<StuckResource> stuck;
  for (const auto& row : db_.Query(query, params.values()).rows) {
    stuck.push_back({.id = row.Int(0),
                     .uuid = row.Text(1),
                     .state = EnumByCode(domain::ResourceStates(), static_cast<int>(row.Int(2)))
                                  .value_or(domain::ResourceState::kCreating),
                     .modified = row.Text(3)});
  }
  return stuck;
}

std::int64_t ResourceRepository::CountOnPlan(domain::Id plan_id,
                                             const std::vector<domain::ResourceState>& states) {
  if (states.empty()) return 0;
  sql::Params params;
  params.Add(plan_id);
  std::string query = sql::kCountOnPlanInStates;
  query += sql::InList(params, states, StateCode);
  return db_.Query(query, params.values()).rows.at(0).Int(0);
}

}  // namespace orderly::store
