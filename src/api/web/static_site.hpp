#pragma once

#include <filesystem>
#include <optional>

#include "api/http/message.hpp"

namespace orderly::api::web {

// Serves the built web UI (web/ compiled by Vite) from one directory: files as they are, every
// other page path as index.html so that the browser's router can take it (SPA fallback).
class StaticSite {
 public:
  // `root` must be a directory; it is resolved once so that symlinks cannot lead outside it.
  explicit StaticSite(const std::filesystem::path& root);

  // The response for a GET or HEAD of `path` (percent-decoded, starting with '/'). Paths that leave
  // the root, hidden files and missing files with an extension get a 404; the rest fall back to
  // index.html.
  http::Response Serve(const std::string& path) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::optional<std::filesystem::path> Resolve(const std::string& path) const;
  http::Response FileResponse(const std::filesystem::path& file, bool immutable) const;

  std::filesystem::path root_;
};

// The Content-Type for a file name, by extension; application/octet-stream when unknown.
std::string_view ContentTypeFor(const std::filesystem::path& file);

// True for paths the web UI never owns: the API answers them, with its own 404s.
bool IsApiPath(std::string_view path);

}  // namespace orderly::api::web
