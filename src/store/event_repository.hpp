#pragma once

#include "domain/event.hpp"
#include "store/list_options.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

class EventRepository {
 public:
  explicit EventRepository(sql::Connection& connection) : db_(connection) {}

  void Insert(const domain::Event& event);
  // The events of one order or resource, newest first.
  Page<domain::Event> ListForScope(const std::string& scope_uuid, const ListOptions& options);

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
