#include "store/permission_cache.hpp"

namespace orderly::store {

std::shared_ptr<const domain::RolePermissions> PermissionCache::Find(
    std::int64_t generation) const {
  std::lock_guard lock(mutex_);
  if (generation_ != generation) return nullptr;
  return permissions_;
}

void PermissionCache::Keep(std::int64_t generation,
                           std::shared_ptr<const domain::RolePermissions> kept) {
  std::lock_guard lock(mutex_);
  if (permissions_ && generation_ >= generation) return;
  generation_ = generation;
  permissions_ = std::move(kept);
}

}  // namespace orderly::store
