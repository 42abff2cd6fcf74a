#include "micro/micro_fixtures.hpp"

#include <stdlib.h>

#include <stdexcept>

#include "domain/roles.hpp"
#include "service/secrets.hpp"

namespace orderly::bench {
namespace {

store::UserRef SampleUser(const char* username) {
  return store::UserRef{
      .uuid = std::string(32, 'a'), .username = username, .full_name = "Sample User"};
}

}  // namespace

domain::Actor ProviderOwner() {
  return domain::Actor{.user_id = 7,
                       .uuid = std::string(32, '7'),
                       .username = "provider-owner",
                       .full_name = "Provider Owner",
                       .roles = {{domain::Role::kCustomerOwner, kProviderId}},
                       .permissions = std::make_shared<const domain::RolePermissions>(
                           domain::DefaultRolePermissions())};
}

domain::Actor ProjectMember() {
  return domain::Actor{.user_id = 8,
                       .uuid = std::string(32, '8'),
                       .username = "project-member",
                       .full_name = "Project Member",
                       .roles = {{domain::Role::kProjectMember, kProjectId}},
                       .permissions = std::make_shared<const domain::RolePermissions>(
                           domain::DefaultRolePermissions())};
}

domain::Subject SampleSubject() {
  return domain::Subject{.customer_id = kConsumerId,
                         .project_id = kProjectId,
                         .offering_id = kOfferingId,
                         .offering_customer_id = kProviderId};
}

store::OrderRecord SampleOrderRecord(domain::OrderState state) {
  store::OrderRecord record;
  auto& order = record.order;
  order.id = 4242;
  order.uuid = "0f3c2a9e8b7d4c6a9e1f2b3c4d5e6f70";
  order.type = domain::OrderType::kCreate;
  order.state = state;
  order.project_id = kProjectId;
  order.resource_id = 99;
  order.offering_id = kOfferingId;
  order.plan_id = 5;
  order.limits = {{"cpu", 100}, {"storage", 50}};
  order.attributes = {{"name", "analysis-vm"},
                      {"description", "A VM for the climate analysis runs"}};
  order.cost = "10.00";
  order.created = "2026-11-26T16:53:00.123456Z";
  order.modified = "2026-11-26T16:54:10.654321Z";
  order.created_by = 3;
  order.provider_reviewed_by = 7;
  order.provider_reviewed_at = "2026-11-26T16:54:10.654321Z";
  auto& where = record.where;
  where.project_uuid = "1a2b3c4d5e6f708192a3b4c5d6e7f801";
  where.project_name = "Climate modelling";
  where.customer_id = kConsumerId;
  where.customer_uuid = "2b3c4d5e6f708192a3b4c5d6e7f80112";
  where.customer_name = "Demo University";
  where.offering_uuid = "3c4d5e6f708192a3b4c5d6e7f8011223";
  where.offering_name = "Consulting hours";
  where.offering_type = domain::OfferingType::kBasic;
  where.offering_customer_id = kProviderId;
  where.provider_uuid = "4d5e6f708192a3b4c5d6e7f801122334";
  where.provider_name = "HPC Centre";
  where.plan_uuid = "5e6f708192a3b4c5d6e7f80112233445";
  where.plan_name = "Small";
  record.resource_uuid = "6f708192a3b4c5d6e7f8011223344556";
  record.resource_name = "analysis-vm";
  record.resource_state = domain::ResourceState::kCreating;
  record.created_by = SampleUser("owner");
  record.provider_reviewed_by = SampleUser("provider-owner");
  return record;
}

std::string SampleCreateOrderBody() {
  return R"({"project": "http://127.0.0.1:8080/api/projects/1a2b3c4d5e6f708192a3b4c5d6e7f801/",)"
         R"( "offering": "http://127.0.0.1:8080/api/marketplace-public-offerings/3c4d5e6f708192a3b4c5d6e7f8011223/",)"
         R"( "plan": "http://127.0.0.1:8080/api/marketplace-plans/5e6f708192a3b4c5d6e7f80112233445/",)"
         R"( "type": "Create", "attributes": {"name": "analysis-vm", "description": "A VM for the climate runs"},)"
         R"( "limits": {"cpu": 100, "storage": 50}, "request_comment": "for the Q4 runs"})";
}

ScratchStore::ScratchStore() {
  std::string pattern = (std::filesystem::temp_directory_path() / "orderly-micro-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  directory_ = pattern;
  service::InitSecrets();
  store_ = store::Store::Open("sqlite:" + (directory_ / "micro.db").string(), 1);
  store_->Write([&](store::Transaction& tx) {
    domain::Customer consumer{.uuid = service::NewUuid(), .name = "consumer", .created = "x"};
    domain::Customer provider{.uuid = service::NewUuid(), .name = "provider", .created = "x"};
    tx.Customers().Insert(consumer);
    tx.Customers().Insert(provider);
    domain::Project project{
        .uuid = service::NewUuid(), .customer_id = consumer.id, .name = "p", .created = "x"};
    tx.Projects().Insert(project);
    domain::Offering offering{.uuid = service::NewUuid(),
                              .name = "o",
                              .customer_id = provider.id,
                              .type = domain::OfferingType::kBasic,
                              .created = "x"};
    tx.Offerings().Insert(offering);
    domain::Resource resource{.uuid = service::NewUuid(),
                              .project_id = project.id,
                              .offering_id = offering.id,
                              .created = "x",
                              .modified = "x"};
    tx.Resources().Insert(resource);
    project_id_ = project.id;
    offering_id_ = offering.id;
    resource_id_ = resource.id;
  });
}

ScratchStore::~ScratchStore() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

domain::Order ScratchStore::NewOrder() const {
  return domain::Order{.uuid = service::NewUuid(),
                       .type = domain::OrderType::kCreate,
                       .state = domain::OrderState::kPendingProvider,
                       .project_id = project_id_,
                       .resource_id = resource_id_,
                       .offering_id = offering_id_,
                       .limits = {{"cpu", 100}, {"storage", 50}},
                       .attributes = {{"name", "analysis-vm"}},
                       .cost = "10.00",
                       .created = "2026-11-26T16:53:00.123456Z",
                       .modified = "2026-11-26T16:53:00.123456Z",
                       .request_comment = "for the Q4 runs"};
}

}  // namespace orderly::bench
