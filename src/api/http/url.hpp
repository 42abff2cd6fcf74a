#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orderly::api::http {

using QueryPairs = std::vector<std::pair<std::string, std::string>>;

// A request target split into its decoded path and its decoded query pairs, in order.
struct Target {
  std::string path;
  QueryPairs query;
};

// Decodes %XX escapes. An invalid escape ("%zz", a trailing "%") is kept as written: clients send
// such links by mistake and a 400 would only hide which parameter was wrong.
std::string PercentDecode(std::string_view text);

// As PercentDecode, and '+' is a space (application/x-www-form-urlencoded).
std::string QueryDecode(std::string_view text);

// Escapes everything except RFC 3986 unreserved characters, so the result is safe in a path
// segment, a query name and a query value alike.
std::string PercentEncode(std::string_view text);

// "a=1&b=x+y&flag" -> {{"a","1"},{"b","x y"},{"flag",""}}; empty pieces are skipped.
QueryPairs ParseQuery(std::string_view query);

// Accepts origin-form ("/p?q") and absolute-form ("http://host/p?q") targets; drops a fragment.
Target ParseTarget(std::string_view target);

}  // namespace orderly::api::http
