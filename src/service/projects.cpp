#include "service/projects.hpp"

#include "domain/dates.hpp"
#include "domain/error.hpp"
#include "domain/permissions.hpp"
#include "service/customers.hpp"
#include "service/orders/periodic_jobs.hpp"
#include "service/secrets.hpp"

namespace orderly::service {
namespace {

void ValidateDates(const std::optional<std::string>& start, const std::optional<std::string>& end) {
  std::vector<FieldError> errors;
  if (start && !domain::IsIsoDate(*start)) errors.push_back({"start_date", "Date must be YYYY-MM-DD."});
  if (end && !domain::IsIsoDate(*end)) errors.push_back({"end_date", "Date must be YYYY-MM-DD."});
  if (errors.empty() && start && end && *end < *start) {
    errors.push_back({"end_date", "End date must not be before the start date."});
  }
  if (!errors.empty()) throw Error(ErrorCode::kInvalidInput, std::move(errors));
}

void ValidateName(const std::string& name) {
  if (name.empty() || name.size() > 500) throw InvalidField("name", "Name must be 1 to 500 characters.");
}

}  // namespace

domain::Project VisibleProject(store::Transaction& tx, const domain::Actor& actor,
                               const std::string& uuid) {
  auto projects = tx.Projects();
  auto project = projects.FindByUuid(uuid);
  if (!project || !projects.IsVisible(VisibilityOf(actor), project->id)) {
    throw NotFound("Project not found.");
  }
  return *project;
}

domain::Project CreateProject(Context& context, const domain::Actor& actor, const NewProject& input) {
  return context.store.Write([&](store::Transaction& tx) {
    const domain::Customer customer = ReferencedCustomer(tx, actor, "customer", input.customer_uuid);
    Require(actor, domain::Action::kCreateProject, {.customer_id = customer.id});
    ValidateName(input.name);
    ValidateDates(input.start_date, input.end_date);
    domain::Project project{.uuid = NewUuid(),
                            .customer_id = customer.id,
                            .customer_uuid = customer.uuid,
                            .customer_name = customer.name,
                            .name = input.name,
                            .description = input.description,
                            .start_date = input.start_date,
                            .end_date = input.end_date,
                            .created = context.clock.Now(),
                            .backend_id = input.backend_id};
    tx.Projects().Insert(project);
    return project;
  });
}

domain::Project UpdateProject(Context& context, const domain::Actor& actor, const std::string& uuid,
                              const std::function<ProjectChanges()>& read_changes) {
  bool start_moved = false;
  auto project = context.store.Write([&](store::Transaction& tx) {
    domain::Project project = VisibleProject(tx, actor, uuid);
    const domain::Subject subject{.customer_id = project.customer_id, .project_id = project.id};
    Require(actor, domain::Action::kUpdateProject, subject);
    const ProjectChanges changes = read_changes();
    if (changes.start_date.present || changes.end_date.present) {
      Require(actor, domain::Action::kUpdateProjectDates, subject);
    }
    if (changes.name) {
      ValidateName(*changes.name);
      project.name = *changes.name;
    }
    if (changes.description) project.description = *changes.description;
    if (changes.start_date.present) {
      start_moved = project.start_date != changes.start_date.value;
      project.start_date = changes.start_date.value;
    }
    if (changes.end_date.present) project.end_date = changes.end_date.value;
    ValidateDates(project.start_date, project.end_date);
    tx.Projects().Update(project);
    return project;
  });
  // domain.md §3.7: a project whose start date was cleared or brought forward releases its
  // pending-project orders now rather than at the next periodic run.
  if (start_moved) ReleaseStartedProjects(context);
  return project;
}

domain::Project GetProject(Context& context, const domain::Actor& actor, const std::string& uuid) {
  return context.store.Read([&](store::Transaction& tx) { return VisibleProject(tx, actor, uuid); });
}

store::Page<domain::Project> ListProjects(Context& context, const domain::Actor& actor,
                                          const std::string& customer_uuid,
                                          const std::string& backend_id,
                                          const store::ListOptions& options) {
  return context.store.Read([&](store::Transaction& tx) {
    store::ProjectFilter filter{.backend_id = backend_id};
    if (!customer_uuid.empty()) {
      auto customer = tx.Customers().FindByUuid(customer_uuid);
      if (!customer) return store::Page<domain::Project>{};
      filter.customer_id = customer->id;
    }
    return tx.Projects().List(VisibilityOf(actor), filter, options);
  });
}

}  // namespace orderly::service
