#pragma once

#include <optional>
#include <string>

#include "domain/ids.hpp"

namespace orderly::domain {

struct User {
  Id id = 0;
  Uuid uuid;
  std::string username;
  std::string email;
  std::string full_name;
  bool is_staff = false;
  bool is_support = false;
  bool is_active = true;
  std::string date_joined;
};

// An organization; Waldur calls it a customer.
struct Customer {
  Id id = 0;
  Uuid uuid;
  std::string name;
  std::string email;
  bool blocked = false;
  std::string created;
};

struct Project {
  Id id = 0;
  Uuid uuid;
  Id customer_id = 0;
  Uuid customer_uuid;  // read with the project, for links
  std::string customer_name;
  std::string name;
  std::string description;
  std::optional<std::string> start_date;  // UTC date, YYYY-MM-DD
  std::optional<std::string> end_date;
  std::string created;
  // Set by whoever created the project for their own bookkeeping; a federated orderly finds
  // "its" project here by `<customer uuid>_<project uuid>` (processing.md §9.4).
  std::string backend_id;
};

struct ServiceProvider {
  Id id = 0;
  Uuid uuid;
  Id customer_id = 0;
  Uuid customer_uuid;  // read with the provider, for links
  std::string customer_name;
  std::string created;
};

}  // namespace orderly::domain
