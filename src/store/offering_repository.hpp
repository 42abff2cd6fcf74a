#pragma once

#include <optional>
#include <vector>

#include "domain/offering.hpp"
#include "store/list_options.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

struct OfferingFilter {
  domain::Id customer_id = 0;  // 0: any
  std::optional<domain::OfferingType> type;
  std::optional<domain::OfferingState> state;
  // Public catalogue: also list shared offerings in these states, whoever asks.
  std::vector<domain::OfferingState> public_states;
};

class OfferingRepository {
 public:
  explicit OfferingRepository(sql::Connection& connection) : db_(connection) {}

  // Inserts the offering with its plans; fills in every id.
  void Insert(domain::Offering& offering);
  void UpdateState(domain::Id offering_id, domain::OfferingState state);
  std::optional<domain::Offering> FindByUuid(const std::string& uuid);
  std::optional<domain::Offering> FindById(domain::Id id);
  // Visible to staff and support, to holders of a role in the offering's organization and to its
  // offering managers; with public_states also to everyone for shared offerings on sale.
  Page<domain::Offering> List(const Visibility& visibility, const OfferingFilter& filter,
                              const ListOptions& options);
  bool IsVisible(const Visibility& visibility, domain::Id offering_id,
                 const std::vector<domain::OfferingState>& public_states);

  std::optional<domain::Plan> FindPlanByUuid(const std::string& uuid);

 private:
  std::vector<domain::Plan> PlansOf(domain::Id offering_id);
  domain::Offering Load(const sql::Row& row);

  sql::Connection& db_;
};

}  // namespace orderly::store
