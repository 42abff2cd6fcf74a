#pragma once

#include <functional>
#include <optional>
#include <string>

#include "service/context.hpp"
#include "store/resource_repository.hpp"

namespace orderly::service {

store::ResourceRecord GetResource(Context& context, const domain::Actor& actor,
                                  store::ResourceSide side, const std::string& uuid);
// `stuck`: only resources in a transitional state for longer than the stuck threshold.
store::Page<store::ResourceRecord> ListResources(Context& context, const domain::Actor& actor,
                                                 store::ResourceSide side, store::ResourceFilter filter,
                                                 bool stuck, const store::ListOptions& options);
std::vector<std::string> AvailableActions(Context& context, const domain::Actor& actor,
                                          const store::ResourceRecord& record);
// GET /api/marketplace-orders/{uuid}/resource/: visible with its order.
store::ResourceRecord ResourceOfOrder(Context& context, const domain::Actor& actor,
                                      const std::string& order_uuid);

// Each creates an order and returns its uuid (domain.md §5.3 R3-R5).
std::string TerminateResource(Context& context, const domain::Actor& actor, store::ResourceSide side,
                              const std::string& uuid, const std::function<nlohmann::json()>& read_attributes);
std::string SwitchPlan(Context& context, const domain::Actor& actor, const std::string& uuid,
                       const std::function<std::string()>& read_plan_uuid);
struct LimitsRequest {
  nlohmann::json limits;
  std::optional<std::string> request_comment;
};
std::string UpdateLimits(Context& context, const domain::Actor& actor, const std::string& uuid,
                         const std::function<LimitsRequest()>& read);

// Repairs (spec decisions 4, 5, clarification 6). Return the resource after.
store::ResourceRecord SetResourceStateOk(Context& context, const domain::Actor& actor,
                                         store::ResourceSide side, const std::string& uuid);
store::ResourceRecord SetResourceAsOk(Context& context, const domain::Actor& actor, const std::string& uuid);
struct ResourceError {
  std::string error_message;
  std::string error_traceback;
};
store::ResourceRecord SetResourceAsErred(Context& context, const domain::Actor& actor,
                                         const std::string& uuid,
                                         const std::function<ResourceError()>& read);

// Provider bookkeeping (R11, R16, R17). SetResourceBackendId returns whether it changed.
bool SetResourceBackendId(Context& context, const domain::Actor& actor, const std::string& uuid,
                          const std::function<std::string()>& read_backend_id);
store::ResourceRecord SetResourceLimits(Context& context, const domain::Actor& actor,
                                        const std::string& uuid,
                                        const std::function<nlohmann::json()>& read_limits);
store::ResourceRecord SetResourceBackendMetadata(Context& context, const domain::Actor& actor,
                                                 const std::string& uuid,
                                                 const std::function<nlohmann::json()>& read_metadata);

struct ResourceChanges {
  std::optional<std::string> name;
  std::optional<std::string> description;
  bool end_date_present = false;
  std::optional<std::string> end_date;
};
store::ResourceRecord UpdateResource(Context& context, const domain::Actor& actor,
                                     store::ResourceSide side, const std::string& uuid,
                                     const std::function<ResourceChanges()>& read);
void UnlinkResource(Context& context, const domain::Actor& actor, store::ResourceSide side,
                    const std::string& uuid);

}  // namespace orderly::service
