#include "service/customers.hpp"

#include "domain/error.hpp"
#include "domain/permissions.hpp"
#include "service/secrets.hpp"

namespace orderly::service {
namespace {

void ValidateName(const std::string& name) {
  if (name.empty() || name.size() > 150) throw InvalidField("name", "Name must be 1 to 150 characters.");
}

}  // namespace

domain::Customer VisibleCustomer(store::Transaction& tx, const domain::Actor& actor,
                                 const std::string& uuid) {
  auto customers = tx.Customers();
  auto customer = customers.FindByUuid(uuid);
  if (!customer || !customers.IsVisible(VisibilityOf(actor), customer->id)) {
    throw NotFound("Organization not found.");
  }
  return *customer;
}

domain::Customer ReferencedCustomer(store::Transaction& tx, const domain::Actor& actor,
                                    const std::string& field, const std::string& uuid) {
  auto customers = tx.Customers();
  auto customer = customers.FindByUuid(uuid);
  if (!customer || !customers.IsVisible(VisibilityOf(actor), customer->id)) {
    throw InvalidField(field, "Invalid hyperlink - Object does not exist.");
  }
  return *customer;
}

domain::Customer CreateCustomer(Context& context, const domain::Actor& actor,
                                const NewCustomer& input) {
  Require(actor, domain::Action::kCreateCustomer, {});
  ValidateName(input.name);
  domain::Customer customer{.uuid = NewUuid(),
                            .name = input.name,
                            .email = input.email,
                            .blocked = false,
                            .created = context.clock.Now()};
  context.store.Write([&](store::Transaction& tx) { tx.Customers().Insert(customer); });
  return customer;
}

domain::Customer UpdateCustomer(Context& context, const domain::Actor& actor,
                                const std::string& uuid,
                                const std::function<CustomerChanges()>& read_changes) {
  return context.store.Write([&](store::Transaction& tx) {
    domain::Customer customer = VisibleCustomer(tx, actor, uuid);
    Require(actor, domain::Action::kUpdateCustomer, {.customer_id = customer.id});
    const CustomerChanges changes = read_changes();
    if (changes.name) {
      ValidateName(*changes.name);
      customer.name = *changes.name;
    }
    if (changes.email) customer.email = *changes.email;
    if (changes.blocked) customer.blocked = *changes.blocked;
    tx.Customers().Update(customer);
    return customer;
  });
}

domain::Customer GetCustomer(Context& context, const domain::Actor& actor, const std::string& uuid) {
  return context.store.Read([&](store::Transaction& tx) { return VisibleCustomer(tx, actor, uuid); });
}

store::Page<domain::Customer> ListCustomers(Context& context, const domain::Actor& actor,
                                            const store::ListOptions& options) {
  return context.store.Read(
      [&](store::Transaction& tx) { return tx.Customers().List(VisibilityOf(actor), options); });
}

domain::ServiceProvider CreateServiceProvider(Context& context, const domain::Actor& actor,
                                              const std::string& customer_uuid) {
  return context.store.Write([&](store::Transaction& tx) {
    Require(actor, domain::Action::kCreateServiceProvider, {});
    const domain::Customer customer = ReferencedCustomer(tx, actor, "customer", customer_uuid);
    domain::ServiceProvider provider{.uuid = NewUuid(),
                                     .customer_id = customer.id,
                                     .customer_uuid = customer.uuid,
                                     .customer_name = customer.name,
                                     .created = context.clock.Now()};
    tx.Customers().InsertProvider(provider);
    return provider;
  });
}

domain::ServiceProvider GetServiceProvider(Context& context, const std::string& uuid) {
  auto provider = context.store.Read(
      [&](store::Transaction& tx) { return tx.Customers().FindProviderByUuid(uuid); });
  if (!provider) throw NotFound("Service provider not found.");
  return *provider;
}

store::Page<domain::ServiceProvider> ListServiceProviders(Context& context,
                                                          const store::ListOptions& options) {
  return context.store.Read(
      [&](store::Transaction& tx) { return tx.Customers().ListProviders(options); });
}

}  // namespace orderly::service
