#include "api/web/static_site.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

#include "api/errors.hpp"

namespace orderly::api::web {
namespace {

namespace fs = std::filesystem;

constexpr auto kContentTypes = std::to_array<std::pair<std::string_view, std::string_view>>({
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".ico", "image/x-icon"},
    {".webp", "image/webp"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
});

constexpr auto kApiPrefixes =
    std::to_array<std::string_view>({"/api/", "/api-auth/", "/health/", "/metrics"});

// Vite writes content-hashed bundles under assets/: a changed file gets a new name, so these may be
// cached for good. Everything else (index.html above all) must be revalidated on every load.
constexpr std::string_view kHashedAssetsDir = "/assets/";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

http::Response NotFoundResponse() { return ErrorResponse(NotFound("Not found.")); }

bool IsInside(const fs::path& root, const fs::path& candidate) {
  auto root_it = root.begin();
  auto it = candidate.begin();
  for (; root_it != root.end(); ++root_it, ++it) {
    if (it == candidate.end() || *it != *root_it) return false;
  }
  return true;
}

}  // namespace

std::string_view ContentTypeFor(const fs::path& file) {
  const std::string extension = file.extension().string();
  for (const auto& [known, type] : kContentTypes) {
    if (extension == known) return type;
  }
  return "application/octet-stream";
}

bool IsApiPath(std::string_view path) {
  for (const auto prefix : kApiPrefixes) {
    if (path.starts_with(prefix) || path == prefix.substr(0, prefix.size() - 1)) return true;
  }
  return false;
}

StaticSite::StaticSite(const fs::path& root) : root_(fs::canonical(root)) {}

std::optional<fs::path> StaticSite::Resolve(const std::string& path) const {
  // Decoded paths may carry "..", backslashes or NULs; none of them names a file of ours.
  if (path.empty() || path.front() != '/' || path.find('\0') != std::string::npos ||
      path.find('\\') != std::string::npos) {
    return std::nullopt;
  }
  const fs::path relative = fs::path(path.substr(1)).lexically_normal();
  for (const auto& part : relative) {
    const std::string name = part.string();
    if (name == ".." || (name.size() > 1 && name.front() == '.')) return std::nullopt;
  }
  return root_ / relative;
}

http::Response StaticSite::Serve(const std::string& path) const {
  const auto candidate = Resolve(path);
  if (!candidate) return NotFoundResponse();
  std::error_code error;
  const fs::path real = fs::canonical(*candidate, error);
  if (!error && fs::is_regular_file(real, error)) {
    // A symlink inside the root may still point outside it.
    if (!IsInside(root_, real)) return NotFoundResponse();
    return FileResponse(real, path.starts_with(kHashedAssetsDir));
  }
  // A missing file with an extension (a stale bundle, a typo) is a real 404: answering with the
  // HTML page would hand a script tag a document it cannot run.
  if (candidate->has_extension() || path.starts_with(kHashedAssetsDir)) return NotFoundResponse();
  return FileResponse(root_ / "index.html", false);
}

http::Response StaticSite::FileResponse(const fs::path& file, bool immutable) const {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFoundResponse();
  std::ostringstream content;
  content << in.rdbuf();
  http::Response response;
  response.status = 200;
  response.content_type = std::string(ContentTypeFor(file));
  response.body = std::move(content).str();
  response.headers.emplace_back("Cache-Control", std::string(immutable ? kImmutable : kRevalidate));
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace orderly::api::web
