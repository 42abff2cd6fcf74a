#pragma once

namespace orderly::store::sql {

#define ORDERLY_USER_COLUMNS \
  "id, uuid, username, email, full_name, is_staff, is_support, is_active, date_joined"

inline constexpr const char* kInsertUser =
    "INSERT INTO users (uuid, username, email, full_name, is_staff, is_support, is_active, "
    "password_hash, date_joined) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
inline constexpr const char* kUpdateUser =
    "UPDATE users SET email = $1, full_name = $2, is_staff = $3, is_support = $4, is_active = $5 "
    "WHERE id = $6";
inline constexpr const char* kSetUserPassword = "UPDATE users SET password_hash = $1 WHERE id = $2";
inline constexpr const char* kSelectUserByUuid =
    "SELECT " ORDERLY_USER_COLUMNS " FROM users WHERE uuid = $1";
inline constexpr const char* kSelectUserById =
    "SELECT " ORDERLY_USER_COLUMNS " FROM users WHERE id = $1";
inline constexpr const char* kSelectUserByUsername =
    "SELECT " ORDERLY_USER_COLUMNS ", password_hash FROM users WHERE username = $1";
inline constexpr const char* kSelectUsersVisible =
    "SELECT " ORDERLY_USER_COLUMNS " FROM users WHERE ($1 = 1 OR id = $2)";
inline constexpr const char* kCountUsersVisible =
    "SELECT COUNT(*) FROM users WHERE ($1 = 1 OR id = $2)";
inline constexpr const char* kCountUsers = "SELECT COUNT(*) FROM users";
inline constexpr const char* kInsertToken =
    "INSERT INTO auth_tokens (token_hash, user_id, created) VALUES ($1, $2, $3)";
inline constexpr const char* kSelectUserByTokenHash =
    "SELECT u.id, u.uuid, u.username, u.email, u.full_name, u.is_staff, u.is_support, "
    "u.is_active, u.date_joined FROM auth_tokens t JOIN users u ON u.id = t.user_id "
    "WHERE t.token_hash = $1";

#undef ORDERLY_USER_COLUMNS

}  // namespace orderly::store::sql
