#pragma once
// Waldur endpoints that clients such as the site agent call and orderly deliberately does not
// serve (spec README §1 puts them out of scope; docs/decisions.md "Site-agent calls we do not
// serve"). They answer 404 with a detail that says so, instead of a bare "Not found.", so an
// operator reading the agent's log learns why.
#include <span>
#include <string_view>

namespace orderly::api {

struct WaldurGap {
  std::string_view pattern;  // router pattern; every method
  std::string_view detail;   // the 404's detail
};

std::span<const WaldurGap> WaldurGaps();

}  // namespace orderly::api
