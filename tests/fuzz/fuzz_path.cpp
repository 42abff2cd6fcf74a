// Path parameters: the request path through the real route table (literal beats capture, 405 with
// Allow), the uuid check of "{uuid}" captures, object references ("url or uuid"), and the web UI's
// static files. Checks that a match captures only non-empty segments, that a normalized uuid is 32
// lower-case hex digits, and that no path serves the file planted beside the web root.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include "api/http/router.hpp"
#include "api/http/url.hpp"
#include "api/json/body.hpp"
#include "api/routes.hpp"
#include "api/web/static_site.hpp"
#include "domain/error.hpp"
#include "domain/ids.hpp"
#include "support/private_directory.hpp"

namespace http = orderly::api::http;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSecret = "outside-the-web-root";

struct World {
  http::Router router;
  fs::path directory;
  std::optional<orderly::api::web::StaticSite> site;

  World() {
    for (const auto& route : orderly::api::Routes()) {
      router.Add(std::string(route.method), std::string(route.pattern),
                 [](http::Request&) { return http::Response{}; });
    }
    directory = orderly::fuzz::MakePrivateDirectory("web");
    fs::create_directories(directory / "root" / "assets");
    std::ofstream(directory / "root" / "index.html") << "<!doctype html><title>orderly</title>";
    std::ofstream(directory / "root" / "assets" / "app.js") << "console.log('orderly')";
    std::ofstream(directory / "root" / ".hidden") << kSecret;
    std::ofstream(directory / "secret.txt") << kSecret;
    site.emplace(directory / "root");
  }
  ~World() {
    std::error_code ignored;
    fs::remove_all(directory, ignored);
  }
};

void CheckUuid(std::string_view text) {
  const auto uuid = orderly::domain::NormalizeUuid(text);
  if (uuid.empty()) return;
  if (uuid.size() != 32 || !orderly::domain::IsUuidHex(uuid)) std::abort();
  for (char c : uuid) {
    if (c >= 'A' && c <= 'F') std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  static World world;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string path = http::ParseTarget(input).path;
  for (const char* method : {"GET", "HEAD", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"}) {
    const auto match = world.router.Match(method, path);
    if (match.status == http::MatchStatus::kFound) {
      if (match.handler == nullptr) std::abort();
      for (const auto& [name, value] : match.params) {
        if (value.empty() || value.find('/') != std::string::npos) std::abort();
        CheckUuid(value);
      }
    } else if (match.status == http::MatchStatus::kMethodNotAllowed && match.Allow().empty()) {
      std::abort();
    }
  }
  CheckUuid(input);
  try {
    orderly::api::json::ReferenceUuid("scope", std::string(input));
  } catch (const orderly::Error&) {
  }
  if (!orderly::api::web::IsApiPath(path)) {
    const auto response = world.site->Serve(path);
    if (response.body.find(kSecret) != std::string::npos) std::abort();
  }
  return 0;
}
