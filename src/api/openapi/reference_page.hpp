#pragma once

#include <string_view>

namespace orderly::api::openapi {

// A self-contained HTML page (no external scripts, styles or fonts) that reads /api/schema/ and
// lists every operation by tag, for browsing the API offline.
std::string_view ReferencePage();

}  // namespace orderly::api::openapi
