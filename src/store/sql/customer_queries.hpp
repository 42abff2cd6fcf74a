#pragma once

namespace orderly::store::sql {

// $1: sees everything (0/1), $2: user id.
#define ORDERLY_CUSTOMER_VISIBLE                                                               \
  "($1 = 1 OR c.id IN (SELECT scope_id FROM role_grants WHERE user_id = $2 AND "              \
  "scope_type = 'customer') OR c.id IN (SELECT p.customer_id FROM projects p JOIN role_grants " \
  "g ON g.scope_type = 'project' AND g.scope_id = p.id WHERE g.user_id = $2) OR c.id IN "      \
  "(SELECT o.customer_id FROM offerings o JOIN role_grants g ON g.scope_type = 'offering' AND " \
  "g.scope_id = o.id WHERE g.user_id = $2))"

inline constexpr const char* kInsertCustomer =
    "INSERT INTO customers (uuid, name, email, blocked, created) VALUES ($1, $2, $3, $4, $5) "
    "RETURNING id";
inline constexpr const char* kUpdateCustomer =
    "UPDATE customers SET name = $1, email = $2, blocked = $3 WHERE id = $4";
inline constexpr const char* kSelectCustomerByUuid =
    "SELECT id, uuid, name, email, blocked, created FROM customers WHERE uuid = $1";
inline constexpr const char* kSelectCustomerById =
    "SELECT id, uuid, name, email, blocked, created FROM customers WHERE id = $1";
inline constexpr const char* kSelectCustomersVisible =
    "SELECT c.id, c.uuid, c.name, c.email, c.blocked, c.created FROM customers c WHERE "
    ORDERLY_CUSTOMER_VISIBLE;
inline constexpr const char* kCountCustomersVisible =
    "SELECT COUNT(*) FROM customers c WHERE " ORDERLY_CUSTOMER_VISIBLE;
inline constexpr const char* kCustomerVisible =
    "SELECT COUNT(*) FROM customers c WHERE " ORDERLY_CUSTOMER_VISIBLE " AND c.id = $3";

inline constexpr const char* kInsertProvider =
    "INSERT INTO service_providers (uuid, customer_id, created) VALUES ($1, $2, $3) RETURNING id";
#define ORDERLY_PROVIDER_SELECT                                                     \
  "SELECT s.id, s.uuid, s.customer_id, s.created, c.uuid, c.name FROM service_providers s " \
  "JOIN customers c ON c.id = s.customer_id"
inline constexpr const char* kSelectProviderByUuid = ORDERLY_PROVIDER_SELECT " WHERE s.uuid = $1";
inline constexpr const char* kSelectProviderByCustomer =
    ORDERLY_PROVIDER_SELECT " WHERE s.customer_id = $1";
inline constexpr const char* kSelectProviders = ORDERLY_PROVIDER_SELECT;
inline constexpr const char* kCountProviders = "SELECT COUNT(*) FROM service_providers";

#undef ORDERLY_CUSTOMER_VISIBLE
#undef ORDERLY_PROVIDER_SELECT

}  // namespace orderly::store::sql
