#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "domain/roles.hpp"

namespace orderly::store {

// The role -> permission table of one database, kept between transactions: every request needs
// it and it changes almost never. Each copy is tagged with the generation counter it was read
// with (role_permissions_generation, bumped by triggers in the changing transaction); a reader
// compares it with the counter it reads in its own transaction, so a change committed by any
// process on the database is seen as soon as that transaction can see it.
class PermissionCache {
 public:
  // The table as of `generation`, when that is the copy held.
  std::shared_ptr<const domain::RolePermissions> Find(std::int64_t generation) const;
  // Keeps `permissions`, read at `generation`, unless a newer copy is held already (an older
  // transaction reloading must not push a newer copy out).
  void Keep(std::int64_t generation, std::shared_ptr<const domain::RolePermissions> permissions);

 private:
  mutable std::mutex mutex_;
  std::int64_t generation_ = 0;
  std::shared_ptr<const domain::RolePermissions> permissions_;
};

}  // namespace orderly::store
