#include "fake_rancher.hpp"

#include <httplib.h>

#include "fake_ids.hpp"

namespace orderly::fakes {
namespace {

using nlohmann::json;

json RancherError(int status, const std::string& code, const std::string& message,
                  const std::string& field = {}) {
  json error = {{"type", "error"},
                {"baseType", "error"},
                {"status", status},
                {"code", code},
                {"message", message}};
  if (!field.empty()) error["fieldName"] = field;
  return error;
}

}  // namespace

FakeRancher::FakeRancher(std::string token, int reads_until_active)
    : token_(std::move(token)), reads_until_active_(reads_until_active) {
  Routes();
}

void FakeRancher::FailProvisioning(const std::string& name, const std::string& message) {
  std::lock_guard lock(state_mutex_);
  failing_names_[name] = message;
}

std::optional<FakeRancher::Cluster> FakeRancher::ClusterNamed(const std::string& name) const {
  std::lock_guard lock(state_mutex_);
  for (const auto& [id, cluster] : clusters_) {
    if (cluster.name == name) return cluster;
  }
  return std::nullopt;
}

int FakeRancher::ClusterCount() const {
  std::lock_guard lock(state_mutex_);
  return static_cast<int>(clusters_.size());
}

bool FakeRancher::Authorized(const httplib::Request& request, httplib::Response& response) const {
  if (request.get_header_value("Authorization") == "Bearer " + token_) return true;
  Reply(response, 401, RancherError(401, "Unauthorized", "must authenticate"));
  return false;
}

json FakeRancher::ClusterJson(const Cluster& cluster) const {
  const std::string self = ApiUrl() + "/clusters/" + cluster.id;
  return {{"id", cluster.id},
          {"type", "cluster"},
          {"baseType", "cluster"},
          {"name", cluster.name},
          {"description", cluster.description},
          {"state", cluster.state},
          {"transitioning",
           cluster.state == "active" ? "no" : (cluster.state == "error" ? "error" : "yes")},
          {"transitioningMessage", cluster.transitioning_message},
          {"labels", cluster.labels},
          {"links", {{"self", self}, {"remove", self}, {"update", self}}}};
}

void FakeRancher::Routes() {
  Handle(
      "GET", "/v3/clusters", [this](const httplib::Request& request, httplib::Response& response) {
        std::lock_guard lock(state_mutex_);
        if (!Authorized(request, response)) return;
        json data = json::array();
        for (const auto& [id, cluster] : clusters_) {
          if (request.has_param("name") && cluster.name != request.get_param_value("name"))
            continue;
          data.push_back(ClusterJson(cluster));
        }
        Reply(response, 200, {{"type", "collection"}, {"resourceType", "cluster"}, {"data", data}});
      });

  Handle("POST", "/v3/clusters",
         [this](const httplib::Request& request, httplib::Response& response) {
           std::lock_guard lock(state_mutex_);
           if (!Authorized(request, response)) return;
           const json body = json::parse(request.body, nullptr, false);
           if (!body.is_object() || !body.contains("name") || !body["name"].is_string() ||
               body["name"].get<std::string>().empty()) {
             return Reply(response, 422,
                          RancherError(422, "MissingRequired", "missing required name", "name"));
           }
           for (const auto& [id, cluster] : clusters_) {
             if (cluster.name == body["name"]) {
               return Reply(response, 422,
                            RancherError(422, "NotUnique", "Cluster name must be unique", "name"));
             }
           }
           Cluster cluster{.id = "c-" + RandomHex(5),
                           .name = body["name"],
                           .description = body.value("description", ""),
                           .state = "provisioning",
                           .transitioning_message = "Waiting for nodes to be registered",
                           .labels = body.value("labels", json::object()),
                           .request = body};
           clusters_[cluster.id] = cluster;
           Reply(response, 201, ClusterJson(cluster));
         });

  Handle("GET", R"(/v3/clusters/([^/]+))",
         [this](const httplib::Request& request, httplib::Response& response) {
           std::lock_guard lock(state_mutex_);
           if (!Authorized(request, response)) return;
           const auto found = clusters_.find(request.matches[1]);
           if (found == clusters_.end()) {
             return Reply(response, 404,
                          RancherError(404, "NotFound",
                                       "clusters.management.cattle.io \"" +
                                           std::string(request.matches[1]) + "\" not found"));
           }
           auto& cluster = found->second;
           if (cluster.state == "provisioning" && ++cluster.reads >= reads_until_active_) {
             const auto failing = failing_names_.find(cluster.name);
             cluster.state = failing == failing_names_.end() ? "active" : "error";
             cluster.transitioning_message = failing == failing_names_.end() ? "" : failing->second;
           }
           Reply(response, 200, ClusterJson(cluster));
         });

  Handle("DELETE", R"(/v3/clusters/([^/]+))",
         [this](const httplib::Request& request, httplib::Response& response) {
           std::lock_guard lock(state_mutex_);
           if (!Authorized(request, response)) return;
           const auto found = clusters_.find(request.matches[1]);
           if (found == clusters_.end()) {
             return Reply(response, 404,
                          RancherError(404, "NotFound",
                                       "clusters.management.cattle.io \"" +
                                           std::string(request.matches[1]) + "\" not found"));
           }
           json removed = ClusterJson(found->second);
           removed["state"] = "removing";
           clusters_.erase(found);
           Reply(response, 200, removed);
         });
}

}  // namespace orderly::fakes
