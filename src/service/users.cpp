#include "service/users.hpp"

#include <cctype>

#include "domain/error.hpp"
#include "domain/permissions.hpp"
#include "service/secrets.hpp"

namespace orderly::service {
namespace {

void ValidateNewUser(const NewUser& input) {
  std::vector<FieldError> errors;
  if (input.username.empty() || input.username.size() > 150) {
    errors.push_back({"username", "Username must be 1 to 150 characters."});
  } else {
    for (unsigned char c : input.username) {
      if (!std::isalnum(c) && c != '.' && c != '@' && c != '+' && c != '-' && c != '_') {
        errors.push_back({"username", "Username may contain only letters, digits and @.+-_."});
        break;
      }
    }
  }
  if (input.password.size() < 8) {
    errors.push_back({"password", "Password must be at least 8 characters."});
  }
  if (input.is_staff && input.is_support) {
    errors.push_back({"is_support", "A user is either staff or support, not both."});
  }
  if (!errors.empty()) throw Error(ErrorCode::kInvalidInput, std::move(errors));
}

}  // namespace

domain::User CreateUser(Context& context, const domain::Actor& actor, const NewUser& input) {
  Require(actor, domain::Action::kCreateUser, {});
  ValidateNewUser(input);
  domain::User user{.uuid = NewUuid(),
                    .username = input.username,
                    .email = input.email,
                    .full_name = input.full_name,
                    .is_staff = input.is_staff,
                    .is_support = input.is_support,
                    .is_active = true,
                    .date_joined = context.clock.Now()};
  const std::string hash = HashPassword(input.password);
  context.store.Write([&](store::Transaction& tx) { tx.Users().Insert(user, hash); });
  return user;
}

domain::User CreateOrResetStaffUser(Context& context, const std::string& username,
                                    const std::string& password) {
  ValidateNewUser({.username = username, .password = password, .is_staff = true});
  const std::string hash = HashPassword(password);
  return context.store.Write([&](store::Transaction& tx) {
    auto users = tx.Users();
    if (auto existing = users.FindByUsername(username)) {
      domain::User user = existing->user;
      user.is_staff = true;
      user.is_support = false;
      user.is_active = true;
      users.Update(user);
      users.SetPassword(user.id, hash);
      return user;
    }
    domain::User user{.uuid = NewUuid(),
                      .username = username,
                      .is_staff = true,
                      .date_joined = context.clock.Now()};
    users.Insert(user, hash);
    return user;
  });
}

domain::User GetUser(Context& context, const domain::Actor& actor, const std::string& uuid) {
  auto user = context.store.Read([&](store::Transaction& tx) { return tx.Users().FindByUuid(uuid); });
  if (!user || (!domain::SeesEverything(actor) && user->id != actor.user_id)) {
    throw NotFound("User not found.");
  }
  return *user;
}

store::Page<domain::User> ListUsers(Context& context, const domain::Actor& actor,
                                    const store::ListOptions& options) {
  return context.store.Read(
      [&](store::Transaction& tx) { return tx.Users().List(VisibilityOf(actor), options); });
}

}  // namespace orderly::service
