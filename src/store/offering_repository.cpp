#include "store/offering_repository.hpp"

#include <array>

#include "store/sql/offering_queries.hpp"
#include "store/sql/order_by.hpp"

namespace orderly::store {
namespace {

using domain::EnumByCode;
using domain::EnumByName;
using domain::EnumEntryOf;

// Components are stored as one JSON column in the store's own shape (not the API's).
std::string EncodeComponents(const std::vector<domain::OfferingComponent>& components) {
  auto array = nlohmann::json::array();
  for (const auto& component : components) {
    nlohmann::json item = {{"type", component.type},
                           {"name", component.name},
                           {"unit", component.measured_unit},
                           {"billing", EnumEntryOf(domain::BillingTypes(), component.billing_type).code}};
    if (component.min_value) item["min"] = *component.min_value;
    if (component.max_value) item["max"] = *component.max_value;
    array.push_back(std::move(item));
  }
  return array.dump();
}

std::vector<domain::OfferingComponent> DecodeComponents(const std::string& text) {
  std::vector<domain::OfferingComponent> components;
  for (const auto& item : nlohmann::json::parse(text)) {
    domain::OfferingComponent component;
    component.type = item.at("type").get<std::string>();
    component.name = item.at("name").get<std::string>();
    component.measured_unit = item.at("unit").get<std::string>();
    component.billing_type =
        EnumByCode(domain::BillingTypes(), item.at("billing").get<int>()).value_or(domain::BillingType::kFixed);
    if (item.contains("min")) component.min_value = item["min"].get<long long>();
    if (item.contains("max")) component.max_value = item["max"].get<long long>();
    components.push_back(std::move(component));
  }
  return components;
}

domain::Plan ToPlan(const sql::Row& row) {
  return domain::Plan{.id = row.Int(0),
                      .uuid = row.Text(1),
                      .offering_id = row.Int(2),
                      .name = row.Text(3),
                      .unit_price = row.Text(4),
                      .max_amount = row.OptionalInt(5),
                      .backend_id = row.Text(6),
                      .archived = row.Bool(7)};
}

int StateCode(domain::OfferingState state) {
  return EnumEntryOf(domain::OfferingStates(), state).code;
}

// Pads the public states to the four placeholders of the visibility clause.
std::array<std::int64_t, 4> PublicStateCodes(const std::vector<domain::OfferingState>& states) {
  std::array<std::int64_t, 4> codes{-1, -1, -1, -1};
  for (std::size_t i = 0; i < states.size() && i < codes.size(); ++i) codes[i] = StateCode(states[i]);
  return codes;
}

}  // namespace

domain::Offering OfferingRepository::Load(const sql::Row& row) {
  domain::Offering offering;
  offering.id = row.Int(0);
  offering.uuid = row.Text(1);
  offering.name = row.Text(2);
  offering.customer_id = row.Int(3);
  offering.type = EnumByName(domain::OfferingTypes(), row.Text(4)).value_or(domain::OfferingType::kBasic);
  offering.state = EnumByCode(domain::OfferingStates(), static_cast<int>(row.Int(5)))
                       .value_or(domain::OfferingState::kDraft);
  offering.shared = row.Bool(6);
  offering.billable = row.Bool(7);
  offering.backend_id = row.Text(8);
  offering.plugin_options = nlohmann::json::parse(row.Text(9));
  offering.secret_options = nlohmann::json::parse(row.Text(10));
  offering.components = DecodeComponents(row.Text(11));
  offering.created = row.Text(12);
  offering.customer_uuid = row.Text(13);
  offering.customer_name = row.Text(14);
  offering.plans = PlansOf(offering.id);
  return offering;
}

void OfferingRepository::Insert(domain::Offering& offering) {
  auto result = db_.Query(
      sql::kInsertOffering,
      {offering.uuid, offering.name, offering.customer_id, std::string(domain::NameOf(offering.type)),
       static_cast<std::int64_t>(StateCode(offering.state)), sql::Flag(offering.shared),
       sql::Flag(offering.billable), offering.backend_id, offering.plugin_options.dump(),
       offering.secret_options.dump(), EncodeComponents(offering.components), offering.created});
  offering.id = result.rows.at(0).Int(0);
  for (auto& plan : offering.plans) {
    plan.offering_id = offering.id;
    auto inserted = db_.Query(sql::kInsertPlan,
                              {plan.uuid, plan.offering_id, plan.name, plan.unit_price,
                               sql::Nullable(plan.max_amount), plan.backend_id, sql::Flag(plan.archived)});
    plan.id = inserted.rows.at(0).Int(0);
  }
}

void OfferingRepository::UpdateState(domain::Id offering_id, domain::OfferingState state) {
  db_.Query(sql::kUpdateOfferingState, {static_cast<std::int64_t>(StateCode(state)), offering_id});
}

std::optional<domain::Offering> OfferingRepository::FindByUuid(const std::string& uuid) {
  auto result = db_.Query(sql::kSelectOfferingByUuid, {uuid});
  if (result.rows.empty()) return std::nullopt;
  return Load(result.rows.front());
}

std::optional<domain::Offering> OfferingRepository::FindById(domain::Id id) {
  auto result = db_.Query(sql::kSelectOfferingById, {id});
  if (result.rows.empty()) return std::nullopt;
  return Load(result.rows.front());
}

Page<domain::Offering> OfferingRepository::List(const Visibility& visibility,
                                                const OfferingFilter& filter,
                                                const ListOptions& options) {
  const auto states = PublicStateCodes(filter.public_states);
  const std::string type = filter.type ? std::string(domain::NameOf(*filter.type)) : "";
  const std::int64_t state = filter.state ? StateCode(*filter.state) : 0;
  const std::string query =
      std::string(sql::kSelectOfferingsVisible) +
      sql::OrderAndPage(options,
                        {{"name", "o.name"}, {"created", "o.created"}, {"type", "o.type"},
                         {"state", "o.state"}},
                        "o.name", 10);
  Page<domain::Offering> page;
  for (const auto& row :
       db_.Query(query, {sql::Flag(visibility.everything), visibility.user_id, states[0], states[1],
                         states[2], states[3], filter.customer_id, type, state, options.limit,
                         options.offset})
           .rows) {
    page.items.push_back(Load(row));
  }
  page.total = db_.Query(sql::kCountOfferingsVisible,
                         {sql::Flag(visibility.everything), visibility.user_id, states[0], states[1],
                          states[2], states[3], filter.customer_id, type, state})
                   .rows.at(0)
                   .Int(0);
  return page;
}

bool OfferingRepository::IsVisible(const Visibility& visibility, domain::Id offering_id,
                                   const std::vector<domain::OfferingState>& public_states) {
  const auto states = PublicStateCodes(public_states);
  return db_.Query(sql::kOfferingVisible,
                   {sql::Flag(visibility.everything), visibility.user_id, states[0], states[1],
                    states[2], states[3], offering_id})
             .rows.at(0)
             .Int(0) > 0;
}

std::vector<domain::Plan> OfferingRepository::PlansOf(domain::Id offering_id) {
  std::vector<domain::Plan> plans;
  for (const auto& row : db_.Query(sql::kSelectPlansOfOffering, {offering_id}).rows) {
    plans.push_back(ToPlan(row));
  }
  return plans;
}

std::optional<domain::Plan> OfferingRepository::FindPlanByUuid(const std::string& uuid) {
  auto result = db_.Query(sql::kSelectPlanByUuid, {uuid});
  if (result.rows.empty()) return std::nullopt;
  return ToPlan(result.rows.front());
}

}  // namespace orderly::store
