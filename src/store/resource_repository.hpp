#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "store/list_options.hpp"
#include "store/order_repository.hpp"
#include "store/sql/connection.hpp"

namespace orderly::store {

struct ResourceRecord {
  domain::Resource resource;
  Surroundings where;
  std::optional<domain::Uuid> creation_order_uuid;
  std::optional<domain::Uuid> order_in_progress_uuid;
};

// The two API views of resources see different sets (domain.md §5.3).
enum class ResourceSide { kConsumer, kProvider };

struct ResourceFilter {
  std::string project_uuid;
  std::string customer_uuid;
  std::string offering_uuid;
  std::string provider_uuid;
  std::string name;
  std::string backend_id;
  std::vector<domain::ResourceState> states;
  std::vector<domain::OfferingType> offering_types;
  std::string modified_before;  // only resources unchanged since this timestamp
};

struct StuckResource {
  domain::Id id = 0;
  domain::Uuid uuid;
  domain::ResourceState state = domain::ResourceState::kCreating;
  std::string modified;
};

class ResourceRepository {
 public:
  explicit ResourceRepository(sql::Connection& connection) : db_(connection) {}

  void Insert(domain::Resource& resource);
  void Update(const domain::Resource& resource);
  void Delete(domain::Id resource_id);

  // `open_states`: the order states that make an order "in progress".
  std::optional<ResourceRecord> FindByUuid(const std::string& uuid,
                                           const std::vector<domain::OrderState>& open_states);
  std::optional<ResourceRecord> FindById(domain::Id id,
                                         const std::vector<domain::OrderState>& open_states);
  // Consumer side: staff and support see all, others need `list_permission` on the project or its
  // organization. Provider side: any role on the offering's organization or on the offering.
  Page<ResourceRecord> List(ResourceSide side, const Visibility& visibility,
                            const PermissionScope& list_permission, const ResourceFilter& filter,
                            const ListOptions& options,
                            const std::vector<domain::OrderState>& open_states);
  bool IsVisible(ResourceSide side, const Visibility& visibility,
                 const PermissionScope& list_permission, domain::Id resource_id);
  // Resources in one of `states` unchanged since before `modified_before`, oldest first, that have
  // no `flag_event` event written since their last change (one flag per stuck episode).
  std::vector<StuckResource> UnflaggedStuck(const std::vector<domain::ResourceState>& states,
                                            const std::string& modified_before,
                                            const std::string& flag_event, std::int64_t limit);
  // Resources of a plan in one of `states` (plan max_amount counts those the domain says use it).
  std::int64_t CountOnPlan(domain::Id plan_id, const std::vector<domain::ResourceState>& states);

 private:
  sql::Connection& db_;
};

}  // namespace orderly::store
