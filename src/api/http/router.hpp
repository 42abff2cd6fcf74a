#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http/handler.hpp"

namespace orderly::api::http {

enum class MatchStatus { kFound, kMethodNotAllowed, kNotFound };

struct RouteMatch {
  MatchStatus status = MatchStatus::kNotFound;
  const Handler* handler = nullptr;                         // kFound only; owned by the router
  std::vector<std::pair<std::string, std::string>> params;  // kFound only, in pattern order
  std::vector<std::string> allowed_methods;                 // kMethodNotAllowed only

  // The value of an Allow header: "GET, HEAD, POST".
  std::string Allow() const;
};

// Maps (method, path) to a handler. Patterns are literal segments and "{name}" captures of one
// non-empty segment; a trailing slash is optional on both sides. Where a literal and a capture both
// fit, the literal wins whatever the registration order (/users/me/ before /users/{uuid}/). The
// path that fits decides alone: when it lacks the method the answer is 405, not another route.
// Routes are added once at start; Match is const and safe from many threads.
class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Throws std::invalid_argument for a malformed pattern and std::logic_error for a duplicate.
  void Add(std::string method, std::string pattern, Handler handler);

  // `path` is the decoded path. HEAD falls back to GET when no HEAD route exists.
  RouteMatch Match(const std::string& method, const std::string& path) const;

 private:
  struct Node;
  std::unique_ptr<Node> root_;
};

}  // namespace orderly::api::http
