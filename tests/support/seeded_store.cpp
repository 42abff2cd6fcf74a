#include "seeded_store.hpp"

#include <stdlib.h>

#include <stdexcept>
#include <string>

namespace orderly::testing {

TemporaryStore::TemporaryStore(int connections) {
  std::string pattern = (std::filesystem::temp_directory_path() / "orderly-store-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  directory_ = pattern;
  store_ = store::Store::Open("sqlite:" + (directory_ / "test.db").string(), connections);
}

TemporaryStore::~TemporaryStore() {
  store_.reset();
  std::filesystem::remove_all(directory_);
}

domain::Order SeedOrder(store::Transaction& tx, domain::OfferingType type, domain::OrderState state,
                        char tag) {
  const std::string customer_uuid(32, 'c');
  auto customer = tx.Customers().FindByUuid(customer_uuid);
  if (!customer) {
    domain::Customer fresh{.uuid = customer_uuid, .name = "org", .created = "x"};
    tx.Customers().Insert(fresh);
    domain::Project project{
        .uuid = std::string(32, 'e'), .customer_id = fresh.id, .name = "p", .created = "x"};
    tx.Projects().Insert(project);
    customer = fresh;
  }
  const auto project = tx.Projects().FindByUuid(std::string(32, 'e'));
  domain::Offering offering{.uuid = std::string(31, 'f') + tag,
                            .name = "o",
                            .customer_id = customer->id,
                            .type = type,
                            .created = "x"};
  tx.Offerings().Insert(offering);
  domain::Resource resource{.uuid = std::string(31, '7') + tag,
                            .project_id = project->id,
                            .offering_id = offering.id,
                            .created = "x",
                            .modified = "x"};
  tx.Resources().Insert(resource);
  domain::Order order{.uuid = std::string(31, '8') + tag,
                      .state = state,
                      .project_id = project->id,
                      .resource_id = resource.id,
                      .offering_id = offering.id,
                      .created = "x",
                      .modified = "x"};
  tx.Orders().Insert(order);
  return order;
}

}  // namespace orderly::testing
