#include "service/auth.hpp"

#include "domain/error.hpp"
#include "domain/event_types.hpp"
#include "domain/login_throttle.hpp"
#include "service/orders/order_lookup.hpp"
#include "service/secrets.hpp"

namespace orderly::service {
namespace {

Error LockedOut(long long seconds) {
  return Error(ErrorCode::kTooManyRequests, "Too many failed login attempts. Try again later.")
      .WithRetryAfter(seconds);
}

void LogLoginEvent(store::Transaction& tx, std::string_view event_type, const std::string& message,
                   const std::optional<store::UserWithPassword>& user, const std::string& username,
                   const std::string& now, nlohmann::json context) {
  context["username"] = username;
  tx.Events().Insert(domain::Event{.uuid = NewUuid(),
                                   .created = now,
                                   .event_type = std::string(event_type),
                                   .message = message,
                                   .scope_type = domain::EventScope::kUser,
                                   .scope_uuid = user ? user->user.uuid : std::string(),
                                   .context = std::move(context)});
}

// Counts one failed login for the username (known or not, so a 429 does not tell which names
// exist) and logs it; the failure that reaches the limit also logs the lock-out.
void RecordFailedLogin(Context& context, const std::string& username,
                       const std::optional<store::UserWithPassword>& user) {
  context.store.Write([&](store::Transaction& tx) {
    const std::string now = context.clock.Now();
    const auto before = tx.LoginFailures().Find(username);
    const auto after = domain::AfterFailedLogin(before, now);
    tx.LoginFailures().Save(username, after);
    LogLoginEvent(tx, domain::kLoginFailedEvent, "Failed login for " + username + ".", user,
                  username, now, {{"failures", after.failures}});
    const bool newly_locked =
        !after.locked_until.empty() && (!before || before->locked_until != after.locked_until);
    if (newly_locked) {
      LogLoginEvent(tx, domain::kLoginLockedOutEvent, "Login for " + username + " locked out.",
                    user, username, now,
                    {{"failures", after.failures}, {"locked_until", after.locked_until}});
    }
  });
}

}  // namespace

std::string Login(Context& context, const std::string& username, const std::string& password) {
  auto [found, failures] = context.store.Read([&](store::Transaction& tx) {
    return std::make_pair(tx.Users().FindByUsername(username), tx.LoginFailures().Find(username));
  });
  // A locked username is refused before its password is even checked.
  if (const auto wait = domain::LoginLockedFor(failures, context.clock.Now()); wait > 0)
    throw LockedOut(wait);
  // Verify outside the transaction: argon2 takes tens of milliseconds by design.
  if (!found || !found->user.is_active || !VerifyPassword(password, found->password_hash)) {
    RecordFailedLogin(context, username, found);
    throw Error(ErrorCode::kInvalidInput, "Unable to log in with provided credentials.");
  }
  const std::string token = NewToken();
  // A plain copy, not the structured binding: lambdas cannot capture those before clang 16.
  const domain::Id user_id = found->user.id;
  context.store.Write([&](store::Transaction& tx) {
    // Another node may have locked the name while the password was being checked.
    if (const auto wait =
            domain::LoginLockedFor(tx.LoginFailures().Find(username), context.clock.Now());
        wait > 0) {
      throw LockedOut(wait);
    }
    tx.LoginFailures().Clear(username);
    tx.Users().InsertToken(HashToken(token), user_id, context.clock.Now());
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
