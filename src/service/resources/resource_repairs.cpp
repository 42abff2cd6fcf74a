// Manual repairs of a resource's state (spec decisions 4 and 5, clarification 6). They never touch
// the resource's orders.
#include "domain/event_types.hpp"
#include "domain/order_moves.hpp"
#include "service/resources/resource_actions.hpp"
#include "service/resources/with_resource.hpp"

namespace orderly::service {
namespace {

store::ResourceRecord Reread(store::Transaction& tx, domain::Id id) {
  return std::move(*tx.Resources().FindById(id, OpenOrderStates()));
}

// Where the repair leads: its row of the resource transition table says.
domain::ResourceState TargetOf(domain::ResourceAction action) {
  return *domain::TransitionOf(action).to;
}

}  // namespace

store::ResourceRecord SetResourceStateOk(Context& context, const domain::Actor& actor,
                                         store::ResourceSide side, const std::string& uuid) {
  return WithResource(
      context, actor, side, uuid, domain::ResourceAction::kSetStateOk,
      [&](Workflow& workflow, store::Transaction& tx, store::ResourceRecord& record) {
        workflow.MoveResource(record.resource, TargetOf(domain::ResourceAction::kSetStateOk),
                              domain::kResourceStateSetEvent,
                              "State set to OK by " + actor.username + ".");
        return Reread(tx, record.resource.id);
      });
}

store::ResourceRecord SetResourceAsOk(Context& context, const domain::Actor& actor,
                                      const std::string& uuid) {
  return WithResource(
      context, actor, store::ResourceSide::kProvider, uuid, domain::ResourceAction::kSetAsOk,
      [&](Workflow& workflow, store::Transaction& tx, store::ResourceRecord& record) {
        auto& resource = record.resource;
        if (domain::IsNoOp(domain::ResourceAction::kSetAsOk, resource.state)) return record;
        resource.error_message.clear();
        resource.error_traceback.clear();
        workflow.MoveResource(resource, TargetOf(domain::ResourceAction::kSetAsOk),
                              domain::kResourceStateSetEvent,
                              "Set as OK by " + actor.username + "; errors cleared.");
        return Reread(tx, resource.id);
      });
}

store::ResourceRecord SetResourceAsErred(Context& context, const domain::Actor& actor,
                                         const std::string& uuid,
                                         const std::function<ResourceError()>& read) {
  return WithResource(
      context, actor, store::ResourceSide::kProvider, uuid, domain::ResourceAction::kSetAsErred,
      [&](Workflow& workflow, store::Transaction& tx, store::ResourceRecord& record) {
        const ResourceError error = read();
        auto& resource = record.resource;
        if (!error.error_message.empty()) resource.error_message = error.error_message;
        if (!error.error_traceback.empty()) resource.error_traceback = error.error_traceback;
        nlohmann::json context_json = nlohmann::json::object();
        if (!error.error_message.empty()) context_json["error_message"] = error.error_message;
        if (!error.error_traceback.empty()) context_json["error_traceback"] = error.error_traceback;
        workflow.MoveResource(resource, TargetOf(domain::ResourceAction::kSetAsErred),
                              domain::kResourceErredEvent,
                              "Set as erred by " + actor.username +
                                  (error.error_message.empty() ? "." : ": " + error.error_message),
                              std::move(context_json));
        return Reread(tx, resource.id);
      });
}

}  // namespace orderly::service
