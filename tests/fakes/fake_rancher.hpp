#pragma once

#include <map>
#include <optional>
#include <string>

#include "fake_http_server.hpp"

namespace orderly::fakes {

// The Rancher v3 management API for the calls the Marketplace.Rancher processor makes: clusters
// (create, list by name, read, delete) behind a bearer token. A new cluster is "provisioning"
// and turns "active" after it has been read `reads_until_active` times, or "error" when told to.
class FakeRancher : public FakeHttpServer {
 public:
  struct Cluster {
    std::string id;
    std::string name;
    std::string description;
    std::string state;
    std::string transitioning_message;
    nlohmann::json labels = nlohmann::json::object();
    nlohmann::json request;  // the body that created it
    int reads = 0;
  };

  explicit FakeRancher(std::string token = "token-fake:secret", int reads_until_active = 1);

  std::string ApiUrl() const { return Url() + "/v3"; }
  const std::string& token() const { return token_; }

  // Clusters named `name` created from now on end in "error" with `message` instead of "active".
  void FailProvisioning(const std::string& name, const std::string& message);
  std::optional<Cluster> ClusterNamed(const std::string& name) const;
  int ClusterCount() const;

 private:
  void Routes();
  bool Authorized(const httplib::Request& request, httplib::Response& response) const;
  nlohmann::json ClusterJson(const Cluster& cluster) const;

  std::string token_;
  int reads_until_active_;
  std::map<std::string, std::string> failing_names_;
  std::map<std::string, Cluster> clusters_;
};

}  // namespace orderly::fakes
