#include "api/http/router.hpp"

#include <algorithm>
#include <cctype>
#include <span>
#include <stdexcept>

namespace orderly::api::http {
namespace {

struct Endpoint {
  std::string method;
  Handler handler;
  std::vector<std::string> param_names;  // one per capture on the way down
};

// "/a/b/" and "/a/b" give {"a","b"}; "/" gives {}. Returns false when the path is not absolute.
bool SplitPath(std::string_view path, std::vector<std::string_view>& segments) {
  if (path.empty() || path.front() != '/') return false;
  path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return true;
  for (;;) {
    std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

bool IsCapture(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsValidCaptureName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(),
                                      [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

std::string ToUpper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

}  // namespace

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> capture;
  std::vector<Endpoint> endpoints;

  const Endpoint* Find(std::string_view method) const {
    auto found = std::find_if(endpoints.begin(), endpoints.end(),
                              [method](const Endpoint& e) { return e.method == method; });
    return found == endpoints.end() ? nullptr : &*found;
  }

  // Depth-first, literal before capture. Each node is visited at most once, so a hostile path
  // costs at most the size of the tree.
  const Node* Resolve(std::span<const std::string_view> segments,
                      std::vector<std::string_view>& captures) const {
    if (segments.empty()) return endpoints.empty() ? nullptr : this;
    if (auto literal = literals.find(segments.front()); literal != literals.end()) {
      if (const Node* found = literal->second->Resolve(segments.subspan(1), captures)) {
        return found;
      }
    }
    if (capture && !segments.front().empty()) {
      captures.push_back(segments.front());
      if (const Node* found = capture->Resolve(segments.subspan(1), captures)) return found;
      captures.pop_back();
    }
    return nullptr;
  }
};

std::string RouteMatch::Allow() const {
  std::string joined;
  for (const std::string& method : allowed_methods) {
    if (!joined.empty()) joined += ", ";
    joined += method;
  }
  return joined;
}

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(std::string method, std::string pattern, Handler handler) {
  std::vector<std::string_view> segments;
  if (!SplitPath(pattern, segments)) {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  method = ToUpper(std::move(method));
  if (method.empty()) throw std::invalid_argument("route method is empty for " + pattern);

  Node* node = root_.get();
  std::vector<std::string> param_names;
  for (std::string_view segment : segments) {
    if (IsCapture(segment)) {
      std::string_view name = segment.substr(1, segment.size() - 2);
      if (!IsValidCaptureName(name)) {
        throw std::invalid_argument("bad capture '" + std::string(segment) + "' in " + pattern);
      }
      param_names.emplace_back(name);
      if (!node->capture) node->capture = std::make_unique<Node>();
      node = node->capture.get();
      continue;
    }
    if (segment.empty() || segment.find_first_of("{}") != std::string_view::npos) {
      throw std::invalid_argument("bad segment '" + std::string(segment) + "' in " + pattern);
    }
    auto& child = node->literals[std::string(segment)];
    if (!child) child = std::make_unique<Node>();
    node = child.get();
  }
  if (node->Find(method) != nullptr) {
    throw std::logic_error("route registered twice: " + method + " " + pattern);
  }
  node->endpoints.push_back({std::move(method), std::move(handler), std::move(param_names)});
}

RouteMatch Router::Match(const std::string& method, const std::string& path) const {
  RouteMatch match;
  std::vector<std::string_view> segments;
  segments.reserve(8);
  if (!SplitPath(path, segments)) return match;
  std::vector<std::string_view> captures;
  captures.reserve(4);
  const Node* node = root_->Resolve(segments, captures);
  if (node == nullptr) return match;

  const Endpoint* endpoint = node->Find(method);
  if (endpoint == nullptr && method == "HEAD") endpoint = node->Find("GET");
  if (endpoint == nullptr) {
    match.status = MatchStatus::kMethodNotAllowed;
    for (const Endpoint& candidate : node->endpoints) {
      match.allowed_methods.push_back(candidate.method);
    }
    if (node->Find("GET") != nullptr && node->Find("HEAD") == nullptr) {
      match.allowed_methods.emplace_back("HEAD");
    }
    return match;
  }

  match.status = MatchStatus::kFound;
  match.handler = &endpoint->handler;
  match.params.reserve(captures.size());
  for (std::size_t i = 0; i < captures.size(); ++i) {
    match.params.emplace_back(endpoint->param_names[i], captures[i]);
  }
  return match;
}

}  // namespace orderly::api::http
