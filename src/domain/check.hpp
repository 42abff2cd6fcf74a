#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/error.hpp"
#include "domain/lifecycle_actions.hpp"
#include "domain/offering.hpp"
#include "domain/order.hpp"
#include "domain/permissions.hpp"

namespace orderly::domain {

// What the rules need to know about an order and its surroundings.
struct OrderFacts {
  const Order& order;
  OfferingType offering_type;
  Subject subject;  // the project, its organization, the offering and its organization
  bool customer_blocked = false;
  bool project_expired = false;
  std::string project_name;
};

struct ResourceFacts {
  const Resource& resource;
  OfferingType offering_type;
  Subject subject;
  bool customer_blocked = false;
};

// May this actor take this action now? Nothing when yes; otherwise the error the API returns,
// checked in the spec's order: permission (403), organization blocked or project expired (400),
// state (409), offering type (405). The one place that answers; services, workers and
// available_actions all ask it.
std::optional<Error> CheckOrderAction(const Actor& actor, OrderAction action, const OrderFacts& facts);
std::optional<Error> CheckResourceAction(const Actor& actor, ResourceAction action,
                                         const ResourceFacts& facts);

// The listed actions (clarification 8) that CheckOrderAction / CheckResourceAction allow now.
std::vector<std::string> AvailableOrderActions(const Actor& actor, const OrderFacts& facts);
std::vector<std::string> AvailableResourceActions(const Actor& actor, const ResourceFacts& facts);

// Throws the error CheckOrderAction returns, if any.
void RequireOrderAction(const Actor& actor, OrderAction action, const OrderFacts& facts);
void RequireResourceAction(const Actor& actor, ResourceAction action, const ResourceFacts& facts);

}  // namespace orderly::domain
