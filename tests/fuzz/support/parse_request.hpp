#pragma once

#include <cstddef>
#include <optional>

#include "api/http/beast_message.hpp"

namespace orderly::fuzz {

// Parses `data` as one whole request the way the server's session does (its default limits), or
// nothing when the session would answer 400/413/431 without calling a handler.
std::optional<api::http::BeastRequest> ParseWholeRequest(const unsigned char* data,
                                                         std::size_t size);

}  // namespace orderly::fuzz
