#include "service/context.hpp"

#include "domain/error.hpp"
#include "domain/permissions.hpp"

namespace orderly::service {

void Require(const domain::Actor& actor, domain::Action action, const domain::Subject& subject) {
  if (!domain::IsAllowed(actor, action, subject)) {
    throw Forbidden("You do not have permission to perform this action.");
  }
}

}  // namespace orderly::service
