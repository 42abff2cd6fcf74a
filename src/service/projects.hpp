#pragma once

#include <functional>
#include <optional>
#include <string>

#include "service/context.hpp"

namespace orderly::service {

struct NewProject {
  std::string customer_uuid;
  std::string name;
  std::string description;
  std::optional<std::string> start_date;
  std::optional<std::string> end_date;
  std::string backend_id;
};

// A date field in a PATCH: absent, set to a date, or cleared with null.
struct DateChange {
  bool present = false;
  std::optional<std::string> value;
};

struct ProjectChanges {
  std::optional<std::string> name;
  std::optional<std::string> description;
  DateChange start_date;
  DateChange end_date;
};

domain::Project CreateProject(Context& context, const domain::Actor& actor, const NewProject& input);
// Changes are read after the lookup and the base permission check (see UpdateCustomer).
domain::Project UpdateProject(Context& context, const domain::Actor& actor, const std::string& uuid,
                              const std::function<ProjectChanges()>& read_changes);
domain::Project GetProject(Context& context, const domain::Actor& actor, const std::string& uuid);
store::Page<domain::Project> ListProjects(Context& context, const domain::Actor& actor,
                                          const std::string& customer_uuid,
                                          const std::string& backend_id,
                                          const store::ListOptions& options);

domain::Project VisibleProject(store::Transaction& tx, const domain::Actor& actor,
                               const std::string& uuid);

}  // namespace orderly::service
