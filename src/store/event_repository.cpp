#include "store/event_repository.hpp"

#include "store/sql/event_queries.hpp"
#include "store/sql/order_by.hpp"

namespace orderly::store {
namespace {

domain::EventScope ScopeNamed(const std::string& name) {
  for (auto scope : {domain::EventScope::kResource, domain::EventScope::kUser}) {
    if (domain::NameOf(scope) == name) return scope;
  }
  return domain::EventScope::kOrder;
}

}  // namespace

void EventRepository::Insert(const domain::Event& event) {
  db_.Query(sql::kInsertEvent, {event.uuid, event.created, event.event_type, event.message,
                                event.actor_uuid, event.actor_username,
                                std::string(domain::NameOf(event.scope_type)), event.scope_uuid,
                                event.context.dump()});
}

Page<domain::Event> EventRepository::ListForScope(const std::string& scope_uuid,
                                                  const ListOptions& options) {
  ListOptions newest_first = options;
  if (newest_first.order_field.empty()) {
    newest_first.order_field = "created";
    newest_first.descending = true;
  }
  const std::string query =
      std::string(sql::kSelectEventsOfScope) +
      sql::OrderAndPage(newest_first, {{"created", "e.created"}}, "e.created", 2);
  Page<domain::Event> page;
  for (const auto& row : db_.Query(query, {scope_uuid, options.limit, options.offset}).rows) {
    page.items.push_back(domain::Event{.uuid = row.Text(0),
                                       .created = row.Text(1),
                                       .event_type = row.Text(2),
                                       .message = row.Text(3),
                                       .actor_uuid = row.Text(4),
                                       .actor_username = row.Text(5),
                                       .scope_type = ScopeNamed(row.Text(6)),
                                       .scope_uuid = row.Text(7),
                                       .context = nlohmann::json::parse(row.Text(8))});
  }
  page.total = db_.Query(sql::kCountEventsOfScope, {scope_uuid}).rows.at(0).Int(0);
  return page;
}

}  // namespace orderly::store
