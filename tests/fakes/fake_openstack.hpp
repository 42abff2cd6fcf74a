#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "fake_http_server.hpp"

namespace orderly::fakes {

// Keystone v3, Nova, Neutron and Cinder on one loopback port, for the calls the OpenStack.Tenant
// processor makes: password authentication with a service catalog, projects (create, list by
// name or tag, delete), and quota sets. Paths: /identity/v3, /compute/v2.1, /network/v2.0,
// /volume/v3/{admin project id}.
class FakeOpenStack : public FakeHttpServer {
 public:
  struct Credentials {
    std::string username = "admin";
    std::string password = "secret";
    std::string project = "admin";
    std::string domain = "Default";
  };
  struct Project {
    std::string id;
    std::string name;
    std::string description;
    std::string domain_id;
    std::set<std::string> tags;
  };

  FakeOpenStack();
  explicit FakeOpenStack(Credentials credentials);

  // The Keystone v3 address an offering's secret_options.backend_url points at.
  std::string KeystoneUrl() const { return Url() + "/identity/v3"; }
  const Credentials& credentials() const { return credentials_; }

  std::optional<Project> ProjectNamed(const std::string& name) const;
  std::optional<Project> ProjectWithId(const std::string& id) const;
  int ProjectCount() const;
  // The quota sets as last set (only the keys the processor set and the defaults of the fake).
  nlohmann::json ComputeQuota(const std::string& project_id) const;
  nlohmann::json NetworkQuota(const std::string& project_id) const;
  nlohmann::json VolumeQuota(const std::string& project_id) const;

 private:
  void Routes();
  bool Authorized(const httplib::Request& request, httplib::Response& response) const;
  nlohmann::json Catalog() const;
  static nlohmann::json ProjectJson(const Project& project);

  Credentials credentials_;
  std::string admin_project_id_;
  std::string domain_id_ = "default";
  std::set<std::string> tokens_;
  std::map<std::string, Project> projects_;
  std::map<std::string, nlohmann::json> compute_quotas_, network_quotas_, volume_quotas_;
};

}  // namespace orderly::fakes
