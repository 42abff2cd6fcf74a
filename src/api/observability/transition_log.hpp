#pragma once

#include "service/transition_log.hpp"

namespace orderly::api::observability {

// One structured line per order or resource transition (event "transition"), in the format of
// --log-format, beside the request lines.
class LoggedTransitions final : public service::TransitionLog {
 public:
  void Record(const service::Transition& transition) override;
};

}  // namespace orderly::api::observability
