#pragma once

#include <string>
#include <vector>

#include "api/http/message.hpp"

namespace orderly::api::json {

// Waldur's sparse fieldsets: `?field=uuid&field=state` keeps only those keys of a JSON object, or
// of each object of a JSON list. Unknown names are ignored, as Waldur does; without `field` the
// response is left as it is.
void ApplySparseFields(http::Response& response, const std::vector<std::string>& fields);

}  // namespace orderly::api::json
