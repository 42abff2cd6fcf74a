#include "store/permission_cache.hpp"

namespace orderly::store {

std::optional<domain::RolePermissions> PermissionCache::Find(std::int64_t generation) const {
  std::shared_ptr<const domain::RolePermissions> held;
  {
    std::lock_guard lock(mutex_);
    if (!permissions_ || generation_ != generation) return std::nullopt;
    held = permissions_;
  }
  return *held;  // copied outside the lock
}

void PermissionCache::Keep(std::int64_t generation, domain::RolePermissions permissions) {
  auto kept = std::make_shared<const domain::RolePermissions>(std::move(permissions));
  std::lock_guard lock(mutex_);
  if (permissions_ && generation_ >= generation) return;
  generation_ = generation;
  permissions_ = std::move(kept);
}

}  // namespace orderly::store
