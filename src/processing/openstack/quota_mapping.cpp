#include "processing/openstack/quota_mapping.hpp"

#include <array>
#include <cmath>
#include <string>

namespace orderly::processing::openstack {
namespace {

using enum QuotaService;

// Waldur's OpenStack.Tenant components (cores, ram, storage with ram and storage in MiB) and the
// tenant quota names of its OpenStack plugin.
constexpr std::array<QuotaRule, 14> kRules{{
    {"cores", kCompute, "cores", 1},
    {"ram", kCompute, "ram", 1},
    {"instances", kCompute, "instances", 1},
    {"storage", kVolume, "gigabytes", 1024},
    {"volumes", kVolume, "volumes", 1},
    {"snapshots", kVolume, "snapshots", 1},
    {"network_count", kNetwork, "network", 1},
    {"subnet_count", kNetwork, "subnet", 1},
    {"port_count", kNetwork, "port", 1},
    {"router_count", kNetwork, "router", 1},
    {"floating_ip_count", kNetwork, "floatingip", 1},
    {"security_group_count", kNetwork, "security_group", 1},
    {"security_group_rule_count", kNetwork, "security_group_rule", 1},
    {"subnetpool_count", kNetwork, "subnetpool", 1},
}};

// -1 (unlimited) stays -1; anything else is divided and rounded up, so a quota never ends below
// what was ordered.
long long QuotaValue(double limit, int divisor) {
  if (limit < 0) return -1;
  return static_cast<long long>(std::ceil(limit / divisor));
}

}  // namespace

std::span<const QuotaRule> QuotaRules() { return kRules; }

TenantQuotas QuotasFromLimits(const nlohmann::json& limits) {
  TenantQuotas quotas;
  if (!limits.is_object()) return quotas;
  for (const auto& rule : kRules) {
    const auto found = limits.find(std::string(rule.limit));
    if (found == limits.end() || !found->is_number()) continue;
    auto& target = rule.service == kCompute   ? quotas.compute
                   : rule.service == kNetwork ? quotas.network
                                              : quotas.volume;
    target[std::string(rule.quota)] = QuotaValue(found->get<double>(), rule.divisor);
  }
  return quotas;
}

}  // namespace orderly::processing::openstack
