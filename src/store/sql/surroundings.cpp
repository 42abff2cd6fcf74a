#include "store/sql/surroundings.hpp"

namespace orderly::store::sql {

Surroundings ReadSurroundings(const Row& row, std::size_t first) {
  Surroundings where;
  std::size_t column = first;
  where.project_uuid = row.Text(column++);
  where.project_name = row.Text(column++);
  where.project_start_date = row.OptionalText(column++);
  where.project_end_date = row.OptionalText(column++);
  where.customer_id = row.Int(column++);
  where.customer_uuid = row.Text(column++);
  where.customer_name = row.Text(column++);
  where.customer_blocked = row.Bool(column++);
  where.offering_uuid = row.Text(column++);
  where.offering_name = row.Text(column++);
  where.offering_type =
      domain::EnumByName(domain::OfferingTypes(), row.Text(column++)).value_or(domain::OfferingType::kBasic);
  where.offering_customer_id = row.Int(column++);
  where.provider_uuid = row.Text(column++);
  where.provider_name = row.Text(column++);
  where.plan_uuid = row.OptionalText(column++);
  where.plan_name = row.Text(column++);
  return where;
}

}  // namespace orderly::store::sql
