#include "processing/rancher/cluster_processor.hpp"

#include <thread>

#include "processing/backend_http/backend_client.hpp"
#include "processing/backend_http/order_dispatch.hpp"
#include "processing/rancher/rancher_settings.hpp"

namespace orderly::processing::rancher {
namespace {

using backend_http::BackendClient;
using backend_http::BackendError;
using backend_http::BackendRequest;
using backend_http::Succeeded;
using nlohmann::json;

constexpr const char* kResourceLabel = "orderly/resource-uuid";
constexpr std::chrono::seconds kPollInterval{1};

// One order's conversation with Rancher; `step` says where a failure happened.
class ClusterCall {
 public:
  ClusterCall(const RancherSettings& settings, const service::ProcessingInput& input)
      : settings_(settings), input_(input), client_(settings.api_url, settings.timeout) {}

  std::string step;

  // The cluster this resource made earlier (same name, our label), or a new one.
  json FindOrCreate() {
    const std::string name = ClusterName();
    step = "looking up the cluster named '" + name + "'";
    const auto listed = Call("GET", "/clusters?name=" + backend_http::EncodeQueryValue(name),
                             std::nullopt, {200}, "Listing Rancher clusters");
    for (const auto& cluster : listed.value("data", json::array())) {
      if (cluster.value("/labels"_json_pointer / kResourceLabel, std::string()) ==
          input_.resource.uuid)
        return cluster;
      throw BackendError("A Rancher cluster named '" + name + "' already exists.",
                         "cluster " + cluster.value("id", "") + " carries no " + kResourceLabel +
                             " label for resource " + input_.resource.uuid,
                         false);
    }
    step = "creating the cluster '" + name + "'";
    const json body = {{"type", "cluster"},
                       {"name", name},
                       {"description", input_.record.order.attributes.value("description", "")},
                       {"labels", {{kResourceLabel, input_.resource.uuid}}}};
    return Call("POST", "/clusters", body, {200, 201},
                "Creating the Rancher cluster '" + name + "'");
  }

  // Reads the cluster until it is active or the attempt's wait is over.
  json FollowUntilActive(const std::string& id) {
    step = "following cluster " + id + " until it is active";
    const auto deadline = std::chrono::steady_clock::now() + settings_.cluster_wait;
    for (;;) {
      const json cluster = Read(id);
      const std::string state = cluster.value("state", "");
      if (state == "active") return cluster;
      if (state == "error") {
        throw BackendError(
            "Rancher cluster " + id + " failed: " + cluster.value("transitioningMessage", ""),
            "GET /clusters/" + id + " answered state error: " + cluster.dump(), false);
      }
      if (std::chrono::steady_clock::now() + kPollInterval > deadline) {
        // The next attempt looks the cluster up again and carries on following it.
        throw BackendError("Rancher cluster " + id + " is still " + state + ".",
                           "GET /clusters/" + id + " answered state '" + state +
                               "': " + cluster.value("transitioningMessage", ""),
                           true);
      }
      std::this_thread::sleep_for(kPollInterval);
    }
  }

  json Read(const std::string& id) {
    return Call("GET", "/clusters/" + id, std::nullopt, {200}, "Reading Rancher cluster " + id);
  }

  // A cluster that is already gone counts as deleted.
  void Delete(const std::string& id) {
    step = "deleting cluster " + id;
    Call("DELETE", "/clusters/" + id, std::nullopt, {200, 202, 204, 404},
         "Deleting Rancher cluster " + id);
  }

 private:
  json Call(const std::string& method, const std::string& path, std::optional<json> body,
            std::initializer_list<int> accepted, const std::string& what) {
    const BackendRequest request{.method = method,
                                 .path = path,
                                 .headers = {{"Authorization", "Bearer " + settings_.token}},
                                 .body = std::move(body)};
    const auto response = client_.Send(request);
    backend_http::Expect(request, response, accepted, what);
    return response.body.empty() ? json::object() : response.Json();
  }

  std::string ClusterName() const {
    const auto& attributes = input_.record.order.attributes;
    if (attributes.contains("name") && attributes["name"].is_string() &&
        !attributes["name"].get<std::string>().empty()) {
      return attributes["name"];
    }
    return input_.resource.name.empty() ? "cluster-" + input_.resource.uuid : input_.resource.name;
  }

  const RancherSettings& settings_;
  const service::ProcessingInput& input_;
  BackendClient client_;
};

}  // namespace

void ClusterProcessor::Validate(const domain::Offering& offering, domain::OrderType) const {
  ReadRancherSettings(offering.secret_options);
}

service::ProcessingResult ClusterProcessor::Process(const service::ProcessingInput& input) {
  const auto& order = input.record.order;
  return backend_http::ProcessOrder<ClusterCall>(
      input, ReadRancherSettings, [&](ClusterCall& call) -> service::ProcessingResult {
        switch (order.type) {
          case domain::OrderType::kCreate: {
            const json created = call.FindOrCreate();
            const std::string id = created.value("id", "");
            if (id.empty())
              throw BackendError("Rancher returned a cluster without an id", created.dump(), false);
            const json cluster = call.FollowUntilActive(id);
            auto result = Succeeded("Rancher cluster " + id + " ('" + cluster.value("name", "") +
                                    "') is active.\n");
            result.backend_id = id;
            result.backend_metadata =
                json{{"cluster_name", cluster.value("name", "")},
                     {"state", cluster.value("state", "")},
                     {"url", cluster.value("/links/self"_json_pointer, std::string())}};
            return result;
          }
          case domain::OrderType::kUpdate: {
            if (input.resource.backend_id.empty()) {
              throw BackendError("The resource has no Rancher cluster id.",
                                 "resource backend_id is empty", false);
            }
            call.step = "checking cluster " + input.resource.backend_id;
            const json cluster = call.Read(input.resource.backend_id);
            return Succeeded("Rancher cluster " + input.resource.backend_id + " is " +
                             cluster.value("state", "") +
                             "; the new limits are recorded (Rancher has no quota they map to).\n");
          }
          case domain::OrderType::kTerminate: {
            if (input.resource.backend_id.empty())
              return Succeeded("No Rancher cluster to delete.\n");
            call.Delete(input.resource.backend_id);
            return Succeeded("Deleted Rancher cluster " + input.resource.backend_id + "\n");
          }
        }
        return {};
      });
}

}  // namespace orderly::processing::rancher
