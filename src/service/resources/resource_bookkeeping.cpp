// Provider bookkeeping on a resource and its PATCH and unlink: no order, no state change.
#include "domain/dates.hpp"
#include "domain/error.hpp"
#include "domain/event_types.hpp"
#include "service/orders/order_validation.hpp"
#include "service/resources/resource_actions.hpp"
#include "service/resources/with_resource.hpp"

namespace orderly::service {
namespace {

store::ResourceRecord Reread(store::Transaction& tx, domain::Id id) {
  return std::move(*tx.Resources().FindById(id, OpenOrderStates()));
}

}  // namespace

bool SetResourceBackendId(Context& context, const domain::Actor& actor, const std::string& uuid,
                          const std::function<std::string()>& read_backend_id) {
  return WithResource(context, actor, store::ResourceSide::kProvider, uuid, domain::ResourceAction::kSetBackendId,
                      [&](Workflow& workflow, store::Transaction&, store::ResourceRecord& record) {
                        const std::string backend_id = read_backend_id();
                        if (backend_id.size() > 255) {
                          throw InvalidField("backend_id", "Ensure this field has no more than 255 characters.");
                        }
                        if (record.resource.backend_id == backend_id) return false;
                        record.resource.backend_id = backend_id;
                        workflow.SaveResource(record.resource, domain::kResourceUpdatedEvent,
                                              "Backend id set to '" + backend_id + "' by " + actor.username + ".");
                        return true;
                      });
}

store::ResourceRecord SetResourceLimits(Context& context, const domain::Actor& actor,
                                        const std::string& uuid,
                                        const std::function<nlohmann::json()>& read_limits) {
  return WithResource(context, actor, store::ResourceSide::kProvider, uuid, domain::ResourceAction::kSetLimits,
                      [&](Workflow& workflow, store::Transaction& tx, store::ResourceRecord& record) {
                        const nlohmann::json limits = read_limits();
                        const auto offering = tx.Offerings().FindById(record.resource.offering_id);
                        ValidateLimits(*offering, limits);
                        record.resource.limits = limits;
                        workflow.SaveResource(record.resource, domain::kResourceUpdatedEvent,
                                              "Limits set by " + actor.username + ".");
                        return Reread(tx, record.resource.id);
                      });
}

store::ResourceRecord SetResourceBackendMetadata(Context& context, const domain::Actor& actor,
                                                 const std::string& uuid,
                                                 const std::function<nlohmann::json()>& read_metadata) {
  return WithResource(context, actor, store::ResourceSide::kProvider, uuid,
                      domain::ResourceAction::kSetBackendMetadata,
                      [&](Workflow& workflow, store::Transaction& tx, store::ResourceRecord& record) {
                        record.resource.backend_metadata = read_metadata();
                        workflow.SaveResource(record.resource, domain::kResourceUpdatedEvent,
                                              "Backend metadata set by " + actor.username + ".");
                        return Reread(tx, record.resource.id);
                      });
}

store::ResourceRecord UpdateResource(Context& context, const domain::Actor& actor,
                                     store::ResourceSide side, const std::string& uuid,
                                     const std::function<ResourceChanges()>& read) {
  return WithResource(context, actor, side, uuid, domain::ResourceAction::kUpdate,
                      [&](Workflow& workflow, store::Transaction& tx, store::ResourceRecord& record) {
                        const ResourceChanges changes = read();
                        auto& resource = record.resource;
                        if (changes.name) {
                          if (changes.name->size() > 150) throw InvalidField("name", "Name is too long: at most 150 characters.");
                          resource.name = *changes.name;
                        }
                        if (changes.description) resource.description = *changes.description;
                        if (changes.end_date_present) {
                          if (changes.end_date && !domain::IsIsoDate(*changes.end_date)) {
                            throw InvalidField("end_date", "Date has wrong format. Use YYYY-MM-DD.");
                          }
                          if (changes.end_date && *changes.end_date < workflow.today()) {
                            throw InvalidField("end_date", "End date cannot be in the past.");
                          }
                          resource.end_date = changes.end_date;
                        }
                        workflow.SaveResource(resource, domain::kResourceUpdatedEvent,
                                              "Resource edited by " + actor.username + ".");
                        return Reread(tx, resource.id);
                      });
}

void UnlinkResource(Context& context, const domain::Actor& actor, store::ResourceSide side,
                    const std::string& uuid) {
  WithResource(context, actor, side, uuid, domain::ResourceAction::kUnlink,
               [&](Workflow& workflow, store::Transaction& tx, store::ResourceRecord& record) {
                 for (domain::Id order_id : tx.Orders().OrdersOfResource(record.resource.id)) {
                   const auto order = tx.Orders().FindById(order_id);
                   workflow.LogOrder(order->order.uuid, domain::kOrderUnlinkedEvent,
                                     "Order removed with its resource by " + actor.username + ".");
                 }
                 tx.Orders().DeleteForResource(record.resource.id);
                 tx.Resources().Delete(record.resource.id);
                 workflow.LogResource(record.resource.uuid, domain::kResourceUnlinkedEvent,
                                      "Resource unlinked by " + actor.username + "; the backend was not touched.",
                                      {{"from_state", domain::NameOf(record.resource.state)}});
                 return 0;
               });
}

}  // namespace orderly::service
