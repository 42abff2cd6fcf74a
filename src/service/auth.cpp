#include "service/auth.hpp"

#include "domain/error.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/secrets.hpp"

namespace orderly::service {

std::string Login(Context& context, const std::string& username, const std::string& password) {
  auto found = context.store.Read([&](store::Transaction& tx) { return tx.Users().FindByUsername(username); });
  // Verify outside the transaction: argon2 takes tens of milliseconds by design.
  if (!found || !found->user.is_active || !VerifyPassword(password, found->password_hash)) {
    throw Error(ErrorCode::kInvalidInput, "Unable to log in with provided credentials.");
  }
  const std::string token = NewToken();
  context.store.Write([&](store::Transaction& tx) {
    tx.Users().InsertToken(HashToken(token), found->user.id, context.clock.Now());
  });
  return token;
}

domain::Actor Authenticate(Context& context, std::string_view token) {
  const std::string token_hash = HashToken(token);
  return context.store.Read([&](store::Transaction& tx) {
    const auto user = tx.Users().FindByTokenHash(token_hash);
    if (!user || !user->is_active) {
      throw Error(ErrorCode::kUnauthenticated, "Invalid token.");
    }
    return ActorOf(tx, *user);
  });
}

}  // namespace orderly::service
