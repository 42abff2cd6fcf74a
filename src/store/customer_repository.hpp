#pragma once

#include <optional>

#include "domain/structure.hpp"
#include "store/list_options.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

// Organizations and their service-provider records.
class CustomerRepository {
 public:
  explicit CustomerRepository(sql::Connection& connection) : db_(connection) {}

  void Insert(domain::Customer& customer);
  void Update(const domain::Customer& customer);
  std::optional<domain::Customer> FindByUuid(const std::string& uuid);
  std::optional<domain::Customer> FindById(domain::Id id);
  // Visible: every customer for staff and support, else those the user holds a role in
  // (on the customer, one of its projects or one of its offerings).
  Page<domain::Customer> List(const Visibility& visibility, const ListOptions& options);
  bool IsVisible(const Visibility& visibility, domain::Id customer_id);

  // Throws Error(kInvalidInput, "customer") when the customer already is a provider.
  void InsertProvider(domain::ServiceProvider& provider);
  std::optional<domain::ServiceProvider> FindProviderByUuid(const std::string& uuid);
  std::optional<domain::ServiceProvider> FindProviderByCustomer(domain::Id customer_id);
  // Providers are public: anyone may see who sells.
  Page<domain::ServiceProvider> ListProviders(const ListOptions& options);

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
