#pragma once

#include <functional>
#include <optional>
#include <string>

#include "service/context.hpp"

namespace orderly::service {

struct NewCustomer {
  std::string name;
  std::string email;
};

struct CustomerChanges {
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::optional<bool> blocked;
};

domain::Customer CreateCustomer(Context& context, const domain::Actor& actor, const NewCustomer& input);
// The changes are read only after the lookup and the permission check, so that a bad body never
// hides a 404 or a 403 (spec README §3, check order).
domain::Customer UpdateCustomer(Context& context, const domain::Actor& actor, const std::string& uuid,
                                const std::function<CustomerChanges()>& read_changes);
domain::Customer GetCustomer(Context& context, const domain::Actor& actor, const std::string& uuid);
store::Page<domain::Customer> ListCustomers(Context& context, const domain::Actor& actor,
                                            const store::ListOptions& options);

domain::ServiceProvider CreateServiceProvider(Context& context, const domain::Actor& actor,
                                              const std::string& customer_uuid);
domain::ServiceProvider GetServiceProvider(Context& context, const std::string& uuid);
store::Page<domain::ServiceProvider> ListServiceProviders(Context& context,
                                                          const store::ListOptions& options);

// Visible customer by uuid, else Error(kNotFound); for the other services' lookups.
domain::Customer VisibleCustomer(store::Transaction& tx, const domain::Actor& actor,
                                 const std::string& uuid);
// A customer named in a request body, else Error(kInvalidInput) on that field.
domain::Customer ReferencedCustomer(store::Transaction& tx, const domain::Actor& actor,
                                    const std::string& field, const std::string& uuid);

}  // namespace orderly::service
