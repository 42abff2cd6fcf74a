#pragma once
// Workflow tells a TransitionLog about every order and resource state change once it has
// committed: the one place a transition reaches the process log, for API requests, workers and
// periodic jobs alike. The API layer implements it with its structured log (main.cpp wires it).
#include <string>

namespace orderly::service {

struct Transition {
  std::string subject;     // "order" or "resource"
  std::string uuid;        // of the order or resource
  std::string order_uuid;  // the order that caused it (the order itself for an order)
  std::string from;
  std::string to;
  std::string action;      // the event type recorded with it, e.g. marketplace_order_approved
  std::string user;        // username; empty: the system (workers, periodic jobs)
  std::string request_id;  // Context::request_id
};

class TransitionLog {
 public:
  virtual ~TransitionLog() = default;
  virtual void Record(const Transition& transition) = 0;
};

}  // namespace orderly::service
