#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orderly::domain {

// Internal row id; never leaves the server. Public identity is the uuid.
using Id = std::int64_t;

// 32 lower-case hex digits, no dashes, as Waldur writes uuids.
using Uuid = std::string;

bool IsUuidHex(std::string_view text);

// Lower-cases a uuid and strips dashes; returns empty when the text is not a uuid.
Uuid NormalizeUuid(std::string_view text);

}  // namespace orderly::domain
