#include "processing/openstack/tenant_processor.hpp"

#include <string>

#include "processing/backend_http/backend_client.hpp"
#include "processing/backend_http/order_dispatch.hpp"
#include "processing/openstack/keystone_session.hpp"
#include "processing/openstack/quota_mapping.hpp"

namespace orderly::processing::openstack {
namespace {

using backend_http::BackendClient;
using backend_http::BackendError;
using backend_http::BackendRequest;
using backend_http::Succeeded;
using nlohmann::json;

// One order's conversation with OpenStack; `step` says where a failure happened.
class TenantCall {
 public:
  TenantCall(const OpenStackSettings& settings, const service::ProcessingInput& input)
      : settings_(settings), input_(input), keystone_(settings.keystone_url, settings.timeout) {}

  std::string step;

  void Authenticate() {
    step = "authenticating at Keystone " + settings_.keystone_url;
    session_ = openstack::Authenticate(keystone_, settings_);
  }

  // The project this resource made earlier (tagged with its uuid), or a new one.
  json FindOrCreateProject() {
    const std::string tag = "orderly-resource-" + input_.resource.uuid;
    step = "looking up the project tagged " + tag;
    const BackendRequest lookup{.method = "GET",
                                .path = "/projects?tags=" + backend_http::EncodeQueryValue(tag),
                                .headers = Auth(),
                                .body = std::nullopt};
    const auto found = keystone_.Send(lookup);
    backend_http::Expect(lookup, found, {200}, "Listing Keystone projects");
    const json projects = found.Json().value("projects", json::array());
    if (!projects.empty()) return projects.front();

    const std::string name = TenantName();
    step = "creating the Keystone project '" + name + "'";
    const BackendRequest create{
        .method = "POST",
        .path = "/projects",
        .headers = Auth(),
        .body = json{{"project",
                      {{"name", name},
                       {"description", input_.record.order.attributes.value("description", "")},
                       {"domain_id", session_.domain_id},
                       {"enabled", true},
                       {"tags", {tag}}}}}};
    const auto created = keystone_.Send(create);
    backend_http::Expect(create, created, {201}, "Creating the Keystone project '" + name + "'");
    return created.Json().value("project", json::object());
  }

  // Sets the quotas the limits ask for, service by service; returns what was set.
  json SetQuotas(const std::string& project_id, const json& limits) {
    const TenantQuotas quotas = QuotasFromLimits(limits);
    json applied = json::object();
    if (!quotas.compute.empty()) {
      step = "setting Nova quotas of project " + project_id;
      Put("compute", "/os-quota-sets/" + project_id, {{"quota_set", quotas.compute}},
          "Setting Nova quotas");
      applied["compute"] = quotas.compute;
    }
    if (!quotas.network.empty()) {
      step = "setting Neutron quotas of project " + project_id;
      Put("network", "/v2.0/quotas/" + project_id, {{"quota", quotas.network}},
          "Setting Neutron quotas");
      applied["network"] = quotas.network;
    }
    if (!quotas.volume.empty()) {
      step = "setting Cinder quotas of project " + project_id;
      Put("volumev3", "/os-quota-sets/" + project_id, {{"quota_set", quotas.volume}},
          "Setting Cinder quotas");
      applied["volume"] = quotas.volume;
    }
    return applied;
  }

  // A project that is already gone counts as deleted.
  void DeleteProject(const std::string& project_id) {
    step = "deleting the Keystone project " + project_id;
    const BackendRequest request{.method = "DELETE",
                                 .path = "/projects/" + project_id,
                                 .headers = Auth(),
                                 .body = std::nullopt};
    const auto response = keystone_.Send(request);
    backend_http::Expect(request, response, {204, 404},
                         "Deleting the Keystone project " + project_id);
  }

 private:
  std::map<std::string, std::string> Auth() const { return {{"X-Auth-Token", session_.token}}; }

  std::string TenantName() const {
    const auto& attributes = input_.record.order.attributes;
    if (attributes.contains("name") && attributes["name"].is_string() &&
        !attributes["name"].get<std::string>().empty()) {
      return attributes["name"];
    }
    return input_.resource.name.empty() ? "tenant-" + input_.resource.uuid : input_.resource.name;
  }

  void Put(const std::string& service_type, const std::string& path, const json& body,
           const std::string& what) {
    std::string base = EndpointOf(session_, service_type, settings_);
    std::string full_path = path;
    // Neutron's catalog URL is usually the bare host; some clouds register it with the version.
    const std::string version = "/v2.0";
    if (service_type == "network" && base.size() >= version.size() &&
        base.compare(base.size() - version.size(), version.size(), version) == 0) {
      full_path = path.substr(version.size());
    }
    BackendClient client(base, settings_.timeout);
    const BackendRequest request{
        .method = "PUT", .path = full_path, .headers = Auth(), .body = body};
    const auto response = client.Send(request);
    backend_http::Expect(request, response, {200}, what + " at " + base);
  }

  const OpenStackSettings& settings_;
  const service::ProcessingInput& input_;
  BackendClient keystone_;
  KeystoneSession session_;
};

}  // namespace

void TenantProcessor::Validate(const domain::Offering& offering, domain::OrderType) const {
  ReadOpenStackSettings(offering.secret_options);
}

service::ProcessingResult TenantProcessor::Process(const service::ProcessingInput& input) {
  const auto& order = input.record.order;
  return backend_http::ProcessOrder<TenantCall>(
      input, ReadOpenStackSettings, [&](TenantCall& call) -> service::ProcessingResult {
        call.Authenticate();
        switch (order.type) {
          case domain::OrderType::kCreate: {
            const json project = call.FindOrCreateProject();
            const std::string project_id = project.value("id", "");
            if (project_id.empty()) {
              throw BackendError("Keystone returned a project without an id",
                                 "project: " + project.dump(), false);
            }
            const json quotas = call.SetQuotas(project_id, order.limits);
            auto result =
                Succeeded("Created Keystone project " + project_id + " ('" +
                          project.value("name", "") + "'); quotas " + quotas.dump() + "\n");
            result.backend_id = project_id;
            result.backend_metadata = json{{"tenant_name", project.value("name", "")},
                                           {"domain_id", project.value("domain_id", "")},
                                           {"quotas", quotas}};
            return result;
          }
          case domain::OrderType::kUpdate: {
            if (input.resource.backend_id.empty()) {
              throw BackendError("Limit updating is available only for tenants.",
                                 "the resource has no OpenStack project id (backend_id)", false);
            }
            const json quotas = call.SetQuotas(input.resource.backend_id, order.limits);
            return Succeeded("Set quotas of project " + input.resource.backend_id + ": " +
                             quotas.dump() + "\n");
          }
          case domain::OrderType::kTerminate: {
            if (input.resource.backend_id.empty())
              return Succeeded("No OpenStack project to delete.\n");
            call.DeleteProject(input.resource.backend_id);
            return Succeeded("Deleted Keystone project " + input.resource.backend_id + "\n");
          }
        }
        return {};
      });
}

}  // namespace orderly::processing::openstack
