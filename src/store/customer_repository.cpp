#include "store/customer_repository.hpp"

#include "domain/error.hpp"
#include "store/sql/customer_queries.hpp"
#include "store/sql/order_by.hpp"

namespace orderly::store {
namespace {

domain::Customer ToCustomer(const sql::Row& row) {
  return domain::Customer{.id = row.Int(0),
                          .uuid = row.Text(1),
                          .name = row.Text(2),
                          .email = row.Text(3),
                          .blocked = row.Bool(4),
                          .created = row.Text(5)};
}

domain::ServiceProvider ToProvider(const sql::Row& row) {
  return domain::ServiceProvider{.id = row.Int(0),
                                 .uuid = row.Text(1),
                                 .customer_id = row.Int(2),
                                 .customer_uuid = row.Text(4),
                                 .customer_name = row.Text(5),
                                 .created = row.Text(3)};
}

}  // namespace

void CustomerRepository::Insert(domain::Customer& customer) {
  auto result = db_.Query(sql::kInsertCustomer, {customer.uuid, customer.name, customer.email,
                                                 sql::Flag(customer.blocked), customer.created});
  customer.id = result.rows.at(0).Int(0);
}

void CustomerRepository::Update(const domain::Customer& customer) {
  db_.Query(sql::kUpdateCustomer,
            {customer.name, customer.email, sql::Flag(customer.blocked), customer.id});
}

std::optional<domain::Customer> CustomerRepository::FindByUuid(const std::string& uuid) {
  auto result = db_.Query(sql::kSelectCustomerByUuid, {uuid});
  if (result.rows.empty()) return std::nullopt;
  return ToCustomer(result.rows.front());
}

std::optional<domain::Customer> CustomerRepository::FindById(domain::Id id) {
  auto result = db_.Query(sql::kSelectCustomerById, {id});
  if (result.rows.empty()) return std::nullopt;
  return ToCustomer(result.rows.front());
}

Page<domain::Customer> CustomerRepository::List(const Visibility& visibility,
                                                const ListOptions& options) {
  const std::string query =
      std::string(sql::kSelectCustomersVisible) +
      sql::OrderAndPage(options, {{"name", "c.name"}, {"created", "c.created"}}, "c.name", 3);
  Page<domain::Customer> page;
  for (const auto& row : db_.Query(query, {sql::Flag(visibility.everything), visibility.user_id,
                                           options.limit, options.offset})
                             .rows) {
    page.items.push_back(ToCustomer(row));
  }
  page.total =
      db_.Query(sql::kCountCustomersVisible, {sql::Flag(visibility.everything), visibility.user_id})
          .rows.at(0)
          .Int(0);
  return page;
}

bool CustomerRepository::IsVisible(const Visibility& visibility, domain::Id customer_id) {
  return db_.Query(sql::kCustomerVisible,
                   {sql::Flag(visibility.everything), visibility.user_id, customer_id})
             .rows.at(0)
             .Int(0) > 0;
}

void CustomerRepository::InsertProvider(domain::ServiceProvider& provider) {
  try {
    auto result =
        db_.Query(sql::kInsertProvider, {provider.uuid, provider.customer_id, provider.created});
    provider.id = result.rows.at(0).Int(0);
  } catch (const sql::UniqueViolation&) {
    throw InvalidField("customer", "This organization is already a service provider.");
  }
}

std::optional<domain::ServiceProvider> CustomerRepository::FindProviderByUuid(
    const std::string& uuid) {
  auto result = db_.Query(sql::kSelectProviderByUuid, {uuid});
  if (result.rows.empty()) return std::nullopt;
  return ToProvider(result.rows.front());
}

std::optional<domain::ServiceProvider> CustomerRepository::FindProviderByCustomer(
    domain::Id customer_id) {
  auto result = db_.Query(sql::kSelectProviderByCustomer, {customer_id});
  if (result.rows.empty()) return std::nullopt;
  return ToProvider(result.rows.front());
}

Page<domain::ServiceProvider> CustomerRepository::ListProviders(const ListOptions& options) {
  const std::string query =
      std::string(sql::kSelectProviders) +
      sql::OrderAndPage(options, {{"created", "s.created"}}, "s.created", 1);
  Page<domain::ServiceProvider> page;
  for (const auto& row : db_.Query(query, {options.limit, options.offset}).rows) {
    page.items.push_back(ToProvider(row));
  }
  page.total = db_.Query(sql::kCountProviders).rows.at(0).Int(0);
  return page;
}

}  // namespace orderly::store
