#include "store/project_repository.hpp"

#include "store/sql/order_by.hpp"
#include "store/sql/project_queries.hpp"

namespace orderly::store {
namespace {

domain::Project ToProject(const sql::Row& row) {
  domain::Project project{.id = row.Int(0),
                         .uuid = row.Text(1),
                         .customer_id = row.Int(2),
                         .customer_uuid = {},
                         .customer_name = {},
                         .name = row.Text(3),
                         .description = row.Text(4),
                         .start_date = row.OptionalText(5),
                         .end_date = row.OptionalText(6),
                         .created = row.Text(7)};
  project.customer_uuid = row.Text(8);
  project.customer_name = row.Text(9);
  project.backend_id = row.Text(10);
  return project;
}

}  // namespace

void ProjectRepository::Insert(domain::Project& project) {
  auto result = db_.Query(sql::kInsertProject,
                          {project.uuid, project.customer_id, project.name, project.description,
                           sql::Nullable(project.start_date), sql::Nullable(project.end_date),
                           project.created, project.backend_id});
  project.id = result.rows.at(0).Int(0);
}

void ProjectRepository::Update(const domain::Project& project) {
  db_.Query(sql::kUpdateProject, {project.name, project.description,
                                  sql::Nullable(project.start_date),
                                  sql::Nullable(project.end_date), project.id});
}

std::optional<domain::Project> ProjectRepository::FindByUuid(const std::string& uuid) {
  auto result = db_.Query(sql::kSelectProjectByUuid, {uuid});
  if (result.rows.empty()) return std::nullopt;
  return ToProject(result.rows.front());
}

std::optional<domain::Project> ProjectRepository::FindById(domain::Id id) {
  auto result = db_.Query(sql::kSelectProjectById, {id});
  if (result.rows.empty()) return std::nullopt;
  return ToProject(result.rows.front());
}

Page<domain::Project> ProjectRepository::List(const Visibility& visibility,
                                              const ProjectFilter& filter,
                                              const ListOptions& options) {
  const std::string query =
      std::string(sql::kSelectProjectsVisible) + sql::OrderAndPage(options,
                                                                   {{"name", "p.name"},
                                                                    {"created", "p.created"},
                                                                    {"start_date", "p.start_date"},
                                                                    {"end_date", "p.end_date"}},
                                                                   "p.name", 5);
  Page<domain::Project> page;
  for (const auto& row :
       db_.Query(query, {sql::Flag(visibility.everything), visibility.user_id, filter.customer_id,
                         filter.backend_id, options.limit, options.offset})
           .rows) {
    page.items.push_back(ToProject(row));
  }
  page.total =
      db_.Query(sql::kCountProjectsVisible, {sql::Flag(visibility.everything), visibility.user_id,
                                             filter.customer_id, filter.backend_id})
          .rows.at(0)
          .Int(0);
  return page;
}

bool ProjectRepository::IsVisible(const Visibility& visibility, domain::Id project_id) {
  return db_.Query(sql::kProjectVisible,
                   {sql::Flag(visibility.everything), visibility.user_id, project_id})
             .rows.at(0)
             .Int(0) > 0;
}

}  // namespace orderly::store
