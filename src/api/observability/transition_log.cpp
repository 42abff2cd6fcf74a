#include "api/observability/transition_log.hpp"

#include "api/observability/logging.hpp"

namespace orderly::api::observability {

void LoggedTransitions::Record(const service::Transition& transition) {
  nlohmann::json fields = {{"event", "transition"},
                           {"subject", transition.subject},
                           {transition.subject + "_uuid", transition.uuid},
                           {"from", transition.from},
                           {"to", transition.to},
                           {"action", transition.action},
                           {"user", transition.user},
                           {"request_id", transition.request_id}};
  if (transition.subject != "order" && !transition.order_uuid.empty()) {
    fields["order_uuid"] = transition.order_uuid;
  }
  LogFields("transition", fields);
}

}  // namespace orderly::api::observability
