#pragma once

#include <memory>
#include <string>
#include <vector>

#include "domain/ids.hpp"
#include "domain/roles.hpp"

namespace orderly::domain {

// The authenticated caller with everything a permission check needs.
struct Actor {
  Id user_id = 0;
  Uuid uuid;
  std::string username;
  std::string full_name;
  bool is_staff = false;
  bool is_support = false;
  std::vector<HeldRole> roles;
  // The deployment's role -> permission grants, shared: every request's actor points at the one
  // table the store keeps; none means no role grants anything.
  std::shared_ptr<const RolePermissions> permissions;
};

// Staff pass every permission check (domain.md §5.0).
inline bool BypassesPermissions(const Actor& actor) { return actor.is_staff; }

// Staff and support read every object; everyone else sees what their roles reach.
inline bool SeesEverything(const Actor& actor) { return actor.is_staff || actor.is_support; }

}  // namespace orderly::domain
