#include "fake_openstack.hpp"

#include <httplib.h>

#include "fake_ids.hpp"

namespace orderly::fakes {
namespace {

using nlohmann::json;

const json kComputeDefaults = {
    {"cores", 20},           {"ram", 51200},        {"instances", 10},           {"key_pairs", 100},
    {"metadata_items", 128}, {"server_groups", 10}, {"server_group_members", 10}};
const json kNetworkDefaults = {{"network", 100},
                               {"subnet", 100},
                               {"port", 500},
                               {"router", 10},
                               {"floatingip", 50},
                               {"security_group", 10},
                               {"security_group_rule", 100},
                               {"subnetpool", -1},
                               {"rbac_policy", 10}};
const json kVolumeDefaults = {{"gigabytes", 1000},        {"volumes", 10},
                              {"snapshots", 10},          {"backups", 10},
                              {"backup_gigabytes", 1000}, {"per_volume_gigabytes", -1}};

json KeystoneError(int code, const std::string& title, const std::string& message) {
  return {{"error", {{"code", code}, {"title", title}, {"message", message}}}};
}

json Unauthorized() {
  return KeystoneError(401, "Unauthorized", "The request you have made requires authentication.");
}

json ParseOr(const std::string& body) { return json::parse(body, nullptr, false); }

// Merges `requested` into `current` when every key is known and every value an integer >= -1;
// otherwise returns the offending key.
std::optional<std::string> MergeQuota(json& current, const json& requested) {
  if (!requested.is_object()) return std::string("(body)");
  for (const auto& [key, value] : requested.items()) {
    if (!current.contains(key) || !value.is_number_integer() || value.get<long long>() < -1)
      return key;
  }
  for (const auto& [key, value] : requested.items()) current[key] = value;
  return std::nullopt;
}

}  // namespace

FakeOpenStack::FakeOpenStack() : FakeOpenStack(Credentials{}) {}

FakeOpenStack::FakeOpenStack(Credentials credentials)
    : credentials_(std::move(credentials)), admin_project_id_(RandomHex(32)) {
  projects_[admin_project_id_] = {
      admin_project_id_, credentials_.project, "Admin project", domain_id_, {}};
  Routes();
}

std::optional<FakeOpenStack::Project> FakeOpenStack::ProjectNamed(const std::string& name) const {
  std::lock_guard lock(state_mutex_);
  for (const auto& [id, project] : projects_) {
    if (project.name == name) return project;
  }
  return std::nullopt;
}

std::optional<FakeOpenStack::Project> FakeOpenStack::ProjectWithId(const std::string& id) const {
  std::lock_guard lock(state_mutex_);
  const auto found = projects_.find(id);
  if (found == projects_.end()) return std::nullopt;
  return found->second;
}

int FakeOpenStack::ProjectCount() const {
  std::lock_guard lock(state_mutex_);
  return static_cast<int>(projects_.size()) - 1;  // without the admin project
}

json FakeOpenStack::ComputeQuota(const std::string& project_id) const {
  std::lock_guard lock(state_mutex_);
  const auto found = compute_quotas_.find(project_id);
  return found == compute_quotas_.end() ? json() : found->second;
}

json FakeOpenStack::NetworkQuota(const std::string& project_id) const {
  std::lock_guard lock(state_mutex_);
  const auto found = network_quotas_.find(project_id);
  return found == network_quotas_.end() ? json() : found->second;
}

json FakeOpenStack::VolumeQuota(const std::string& project_id) const {
  std::lock_guard lock(state_mutex_);
  const auto found = volume_quotas_.find(project_id);
  return found == volume_quotas_.end() ? json() : found->second;
}

bool FakeOpenStack::Authorized(const httplib::Request& request, httplib::Response& response) const {
  if (tokens_.contains(request.get_header_value("X-Auth-Token"))) return true;
  Reply(response, 401, Unauthorized());
  return false;
}

json FakeOpenStack::Catalog() const {
  auto service = [&](const std::string& type, const std::string& name, const std::string& url) {
    return json{{"type", type},
                {"name", name},
                {"id", RandomHex(32)},
                {"endpoints",
                 {{{"id", RandomHex(32)},
                   {"interface", "public"},
                   {"region", "RegionOne"},
                   {"region_id", "RegionOne"},
                   {"url", url}},
                  {{"id", RandomHex(32)},
                   {"interface", "internal"},
                   {"region", "RegionOne"},
                   {"region_id", "RegionOne"},
                   {"url", "http://192.0.2.1:9999/unreachable"}}}}};
  };
  return json::array({service("identity", "keystone", KeystoneUrl()),
                      service("compute", "nova", Url() + "/compute/v2.1"),
                      service("network", "neutron", Url() + "/network"),
                      service("volumev3", "cinderv3", Url() + "/volume/v3/" + admin_project_id_)});
}

json FakeOpenStack::ProjectJson(const Project& project) {
  return {{"id", project.id},
          {"name", project.name},
          {"description", project.description},
          {"domain_id", project.domain_id},
          {"enabled", true},
          {"is_domain", false},
          {"parent_id", project.domain_id},
          {"tags", project.tags},
          {"links", {{"self", "/v3/projects/" + project.id}}}};
}

void FakeOpenStack::Routes() {
  Handle("POST", "/identity/v3/auth/tokens",
         [this](const httplib::Request& request, httplib::Response& response) {
           const json body = ParseOr(request.body);
           const json user = body.is_object()
                                 ? body.value("/auth/identity/password/user"_json_pointer, json())
                                 : json();
           const json scope =
               body.is_object() ? body.value("/auth/scope/project"_json_pointer, json()) : json();
           if (!user.is_object() || !scope.is_object()) {
             return Reply(response, 400,
                          KeystoneError(400, "Bad Request", "Expecting to find identity in auth."));
           }
           const bool known =
               user.value("name", "") == credentials_.username &&
               user.value("password", "") == credentials_.password &&
               user.value("/domain/name"_json_pointer, std::string()) == credentials_.domain &&
               scope.value("name", "") == credentials_.project;
           if (!known) return Reply(response, 401, Unauthorized());
           const std::string token = "gAAAAA" + RandomHex(40);
           std::lock_guard lock(state_mutex_);
           tokens_.insert(token);
           response.set_header("X-Subject-Token", token);
           Reply(response, 201,
                 {{"token",
                   {{"methods", {"password"}},
                    {"expires_at", "2099-01-01T00:00:00.000000Z"},
                    {"user",
                     {{"name", credentials_.username},
                      {"id", RandomHex(32)},
                      {"domain", {{"id", domain_id_}, {"name", credentials_.domain}}}}},
                    {"project",
                     {{"id", admin_project_id_},
                      {"name", credentials_.project},
                      {"domain", {{"id", domain_id_}, {"name", credentials_.domain}}}}},
                    {"roles", {{{"name", "admin"}, {"id", RandomHex(32)}}}},
                    {"catalog", Catalog()}}}});
         });

  Handle(
      "GET", "/identity/v3/projects",
      [this](const httplib::Request& request, httplib::Response& response) {
        std::lock_guard lock(state_mutex_);
        if (!Authorized(request, response)) return;
        json listed = json::array();
        for (const auto& [id, project] : projects_) {
          if (request.has_param("name") && project.name != request.get_param_value("name"))
            continue;
          if (request.has_param("tags") && !project.tags.contains(request.get_param_value("tags")))
            continue;
          if (request.has_param("domain_id") &&
              project.domain_id != request.get_param_value("domain_id"))
            continue;
          listed.push_back(ProjectJson(project));
        }
        Reply(response, 200,
              {{"projects", listed},
               {"links", {{"self", KeystoneUrl() + "/projects"}, {"next", nullptr}}}});
      });

  Handle("POST", "/identity/v3/projects",
         [this](const httplib::Request& request, httplib::Response& response) {
           std::lock_guard lock(state_mutex_);
           if (!Authorized(request, response)) return;
           const json body = ParseOr(request.body);
           if (!body.is_object() || !body.contains("project") || !body["project"].is_object() ||
               !body["project"].contains("name") || !body["project"]["name"].is_string()) {
             return Reply(
                 response, 400,
                 KeystoneError(400, "Bad Request",
                               "Invalid input for field 'name': 'name' is a required property"));
           }
           const json& requested = body["project"];
           Project project{RandomHex(32),
                           requested["name"],
                           requested.value("description", ""),
                           requested.value("domain_id", domain_id_),
                           {}};
           for (const auto& [id, existing] : projects_) {
             if (existing.name == project.name && existing.domain_id == project.domain_id) {
               return Reply(response, 409,
                            KeystoneError(409, "Conflict",
                                          "Conflict occurred attempting to store project - it is "
                                          "not permitted to have two "
                                          "projects with the same name in the same domain : " +
                                              project.name + "."));
             }
           }
           if (requested.contains("tags") && requested["tags"].is_array()) {
             for (const auto& tag : requested["tags"]) project.tags.insert(tag.get<std::string>());
           }
           projects_[project.id] = project;
           Reply(response, 201, {{"project", ProjectJson(project)}});
         });

  Handle("GET", R"(/identity/v3/projects/([0-9a-f]+))",
         [this](const httplib::Request& request, httplib::Response& response) {
           std::lock_guard lock(state_mutex_);
           if (!Authorized(request, response)) return;
           const auto found = projects_.find(request.matches[1]);
           if (found == projects_.end()) {
             return Reply(
                 response, 404,
                 KeystoneError(404, "Not Found",
                               "Could not find project: " + std::string(request.matches[1]) + "."));
           }
           Reply(response, 200, {{"project", ProjectJson(found->second)}});
         });

  Handle("DELETE", R"(/identity/v3/projects/([0-9a-f]+))",
         [this](const httplib::Request& request, httplib::Response& response) {
           std::lock_guard lock(state_mutex_);
           if (!Authorized(request, response)) return;
           const std::string id = request.matches[1];
           if (projects_.erase(id) == 0) {
             return Reply(response, 404,
                          KeystoneError(404, "Not Found", "Could not find project: " + id + "."));
           }
           compute_quotas_.erase(id);
           network_quotas_.erase(id);
           volume_quotas_.erase(id);
           response.status = 204;
         });

  // One quota-set resource per service: same shape of route, answer and error as the real one.
  auto quota_routes = [this](const std::string& pattern, std::map<std::string, json>& quotas,
                             const json& defaults, const std::string& wrapper, auto bad_request) {
    Handle("GET", pattern,
           [this, &quotas, defaults, wrapper](const httplib::Request& request,
                                              httplib::Response& response) {
             std::lock_guard lock(state_mutex_);
             if (!Authorized(request, response)) return;
             const std::string id = request.matches[request.matches.size() - 1];
             json quota = quotas.contains(id) ? quotas[id] : defaults;
             quota["id"] = id;
             Reply(response, 200, {{wrapper, quota}});
           });
    Handle("PUT", pattern,
           [this, &quotas, defaults, wrapper, bad_request](const httplib::Request& request,
                                                           httplib::Response& response) {
             std::lock_guard lock(state_mutex_);
             if (!Authorized(request, response)) return;
             const std::string id = request.matches[request.matches.size() - 1];
             if (!projects_.contains(id))
               return Reply(response, 400,
                            bad_request("Project ID " + id + " is not a valid project."));
             const json body = ParseOr(request.body);
             json quota = quotas.contains(id) ? quotas[id] : defaults;
             const auto bad =
                 MergeQuota(quota, body.is_object() ? body.value(wrapper, json()) : json());
             if (bad)
               return Reply(response, 400,
                            bad_request("Invalid input for field/attribute " + *bad + "."));
             quotas[id] = quota;
             json answer = quota;
             answer["id"] = id;
             Reply(response, 200, {{wrapper, answer}});
           });
  };
  auto nova_error = [](const std::string& message) {
    return json{{"badRequest", {{"code", 400}, {"message", message}}}};
  };
  auto neutron_error = [](const std::string& message) {
    return json{
        {"NeutronError", {{"type", "HTTPBadRequest"}, {"message", message}, {"detail", ""}}}};
  };
  quota_routes(R"(/compute/v2\.1/os-quota-sets/([0-9a-f]+))", compute_quotas_, kComputeDefaults,
               "quota_set", nova_error);
  quota_routes(R"(/network/v2\.0/quotas/([0-9a-f]+))", network_quotas_, kNetworkDefaults, "quota",
               neutron_error);
  quota_routes(R"(/volume/v3/([0-9a-f]+)/os-quota-sets/([0-9a-f]+))", volume_quotas_,
               kVolumeDefaults, "quota_set", nova_error);
}

}  // namespace orderly::fakes
