#pragma once

#include <string>
#include <string_view>

namespace orderly::service {

// Calls sodium_init once; every function below needs it. Throws if libsodium cannot start.
void InitSecrets();

// argon2id, salted, in libsodium's self-describing string form.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& hash);

// 40 hex digits from the OS's random source, as Waldur's tokens look.
std::string NewToken();
// Tokens are looked up on every request, so a fast keyed-free hash (BLAKE2b) rather than argon2:
// a token has 160 random bits, so it cannot be guessed from its hash.
std::string HashToken(std::string_view token);

// A random uuid in Waldur's form: 32 hex digits, no dashes.
std::string NewUuid();

}  // namespace orderly::service
