#pragma once

#include <optional>

#include "domain/structure.hpp"
#include "store/list_options.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

struct ProjectFilter {
  domain::Id customer_id = 0;  // 0: any
  std::string backend_id;      // empty: any
};

class ProjectRepository {
 public:
  explicit ProjectRepository(sql::Connection& connection) : db_(connection) {}

  void Insert(domain::Project& project);
  void Update(const domain::Project& project);
  std::optional<domain::Project> FindByUuid(const std::string& uuid);
  std::optional<domain::Project> FindById(domain::Id id);
  // Visible: every project for staff and support, else those where the user holds a project role
  // or a role in the project's organization.
  Page<domain::Project> List(const Visibility& visibility, const ProjectFilter& filter,
                             const ListOptions& options);
  bool IsVisible(const Visibility& visibility, domain::Id project_id);

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
