// The federation endpoints of processing.md §9.4 (/api/remote-waldur-api/).
#include "api/handlers/lifecycle_handlers.hpp"
#include "api/json/lifecycle_json.hpp"
#include "domain/error.hpp"
#include "domain/ids.hpp"
#include "service/orders/job_processing.hpp"
#include "service/orders/order_actions.hpp"
#include "service/orders/order_lookup.hpp"

namespace orderly::api::handlers {

// No authentication, as in the reference: the call only makes us look at the remote order, and
// what we believe comes from the remote instance we ask, not from this request.
http::Response PullOrder(Call& call) {
  const domain::Uuid uuid = domain::NormalizeUuid(call.Param("order_uuid"));
  if (uuid.empty()) throw InvalidField("order_uuid", "Must be a valid UUID.");
  service::RequestOrderPull(call.services(), uuid);
  return JsonResponse(200, {{"detail", "Order pull has been scheduled."}});
}

http::Response CancelTermination(Call& call) {
  const auto& actor = call.Actor();
  const auto record =
      service::CancelTermination(call.services(), actor, std::string(call.Param("uuid")));
  const auto subject =
      service::SubjectOf(record.where, record.order.project_id, record.order.offering_id);
  return JsonResponse(
      200, json::OrderJson(call.links(), record, domain::MaySeeErrorTraceback(actor, subject),
                           service::AvailableActions(call.services(), actor, record)));
}

}  // namespace orderly::api::handlers
