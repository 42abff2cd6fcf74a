#pragma once

#include <functional>
#include <optional>
#include <string>

#include "service/context.hpp"
#include "store/order_repository.hpp"

namespace orderly::service {

struct NewOrder {
  std::string project_uuid;
  std::string offering_uuid;
  std::optional<std::string> plan_uuid;
  nlohmann::json attributes = nlohmann::json::object();
  nlohmann::json limits = nlohmann::json::object();
  std::optional<std::string> start_date;
  std::optional<std::string> callback_url;
  std::optional<std::string> request_comment;
};

// POST /api/marketplace-orders/: a Create order and its new resource, routed (domain.md §3.2).
store::OrderRecord CreateOrder(Context& context, const domain::Actor& actor,
                               const std::function<NewOrder()>& read_input);

store::OrderRecord GetOrder(Context& context, const domain::Actor& actor, const std::string& uuid);

struct OrderQuery {
  store::OrderFilter filter;
  bool can_approve_as_consumer = false;
  bool can_approve_as_provider = false;
};
store::Page<store::OrderRecord> ListOrders(Context& context, const domain::Actor& actor,
                                           OrderQuery query, const store::ListOptions& options);

// Each returns the order after the action. Inputs, where there are any, are read after the
// lookup (404) and the rule check (403 / 400 / 409 / 405).
struct ApprovalResult {
  store::OrderRecord record;
  std::string detail;
};
ApprovalResult ApproveByConsumer(Context& context, const domain::Actor& actor, const std::string& uuid);
ApprovalResult ApproveByProvider(Context& context, const domain::Actor& actor, const std::string& uuid,
                                 const std::function<nlohmann::json()>& read_attributes);

struct Rejection {
  std::string comment;
  std::string error_message;
  std::string error_traceback;
};
store::OrderRecord RejectByConsumer(Context& context, const domain::Actor& actor,
                                    const std::string& uuid, const std::function<Rejection()>& read);
store::OrderRecord RejectByProvider(Context& context, const domain::Actor& actor,
                                    const std::string& uuid, const std::function<Rejection()>& read);

store::OrderRecord CancelOrder(Context& context, const domain::Actor& actor, const std::string& uuid);
store::OrderRecord SetOrderExecuting(Context& context, const domain::Actor& actor, const std::string& uuid);
store::OrderRecord SetOrderDone(Context& context, const domain::Actor& actor, const std::string& uuid);

struct ErrorReport {
  std::string error_message;
  std::string error_traceback;
};
store::OrderRecord SetOrderErred(Context& context, const domain::Actor& actor, const std::string& uuid,
                                 const std::function<ErrorReport()>& read);
// POST /api/remote-waldur-api/cancel_termination/{uuid}/ (spec decision 3): after the rule check,
// asks the remote instance to reject its order (outside any transaction), then cancels the local
// order and returns the resource to OK. The remote refusing or unreachable: 502, nothing changed.
store::OrderRecord CancelTermination(Context& context, const domain::Actor& actor,
                                     const std::string& uuid);
store::OrderRecord RetryOrder(Context& context, const domain::Actor& actor, const std::string& uuid);
void UnlinkOrder(Context& context, const domain::Actor& actor, const std::string& uuid);
// True when the backend id changed.
bool SetOrderBackendId(Context& context, const domain::Actor& actor, const std::string& uuid,
                       const std::function<std::string()>& read_backend_id);

struct OrderChanges {
  std::optional<nlohmann::json> attributes;
  std::optional<nlohmann::json> limits;
  bool start_date_present = false;
  std::optional<std::string> start_date;
};
store::OrderRecord UpdateOrder(Context& context, const domain::Actor& actor, const std::string& uuid,
                               const std::function<OrderChanges()>& read_changes);
void DeleteOrder(Context& context, const domain::Actor& actor, const std::string& uuid);

// The rules' answer for this actor, for the order's available_actions.
std::vector<std::string> AvailableActions(Context& context, const domain::Actor& actor,
                                          const store::OrderRecord& record);

}  // namespace orderly::service
