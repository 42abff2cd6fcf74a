#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string_view>

namespace orderly::processing::openstack {

enum class QuotaService { kCompute, kNetwork, kVolume };

// One order limit and the OpenStack quota it sets (docs/decisions.md lists the table).
struct QuotaRule {
  std::string_view limit;  // the offering component type, Waldur's name
  QuotaService service;
  std::string_view quota;  // the key in Nova's quota_set, Neutron's quota or Cinder's quota_set
  int divisor;             // storage is MiB in the order and GiB in Cinder
};

std::span<const QuotaRule> QuotaRules();

// The quota sets an order's limits ask for; a service without any of its limits gets an empty
// object and is left alone. Limits without a rule are not sent anywhere.
struct TenantQuotas {
  nlohmann::json compute = nlohmann::json::object();
  nlohmann::json network = nlohmann::json::object();
  nlohmann::json volume = nlohmann::json::object();
};
TenantQuotas QuotasFromLimits(const nlohmann::json& limits);

}  // namespace orderly::processing::openstack
