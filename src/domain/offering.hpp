#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enum_table.hpp"
#include "domain/ids.hpp"

namespace orderly::domain {

enum class OfferingType {
  kBasic,
  kSupport,
  kSlurm,
  kScript,
  kRemote,
  kOpenStackTenant,
  kRancher,
};

enum class OfferingState { kDraft, kActive, kPaused, kArchived };

enum class BillingType { kLimit, kUsage, kFixed };

std::span<const EnumEntry<OfferingType>> OfferingTypes();
std::span<const EnumEntry<OfferingState>> OfferingStates();
std::span<const EnumEntry<BillingType>> BillingTypes();

std::string_view NameOf(OfferingType type);
std::string_view NameOf(OfferingState state);
std::string_view NameOf(BillingType type);

struct OfferingComponent {
  std::string type;  // the key used in order limits, e.g. "cpu"
  std::string name;
  std::string measured_unit;
  BillingType billing_type = BillingType::kFixed;
  std::optional<long long> min_value;
  std::optional<long long> max_value;
};

struct Plan {
  Id id = 0;
  Uuid uuid;
  Id offering_id = 0;
  std::string name;
  std::string unit_price = "0";  // decimal kept as text so no rounding creeps in
  std::optional<long long> max_amount;
  std::string backend_id;
  bool archived = false;
};

struct Offering {
  Id id = 0;
  Uuid uuid;
  std::string name;
  Id customer_id = 0;
  Uuid customer_uuid;  // read with the offering, for links
  std::string customer_name;
  OfferingType type = OfferingType::kBasic;
  OfferingState state = OfferingState::kDraft;
  bool shared = true;
  bool billable = true;
  std::string backend_id;
  nlohmann::json plugin_options = nlohmann::json::object();
  nlohmann::json secret_options = nlohmann::json::object();
  std::vector<OfferingComponent> components;
  std::vector<Plan> plans;
  std::string created;
};

}  // namespace orderly::domain
