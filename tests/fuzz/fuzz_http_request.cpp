// A whole raw HTTP request, as a client would send it, through the server's parser (with its
// limits), the router, authentication, the handlers and the store (SQLite, demo data), and the
// response back through the serializer. Placeholders (@order@, ...) name seeded objects; the tokens
// of support/seeded_app.hpp authenticate. Bad input must be a 4xx: a 500 is a finding. (502 is a
// backend's failure, and this process has no processing registry to reach backends through.)
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "api/http/beast_message.hpp"
#include "support/parse_request.hpp"
#include "support/seeded_app.hpp"

namespace http = orderly::api::http;
namespace bhttp = boost::beast::http;

// Seeding (argon2 password hashes of the demo users) happens before the first input, outside the
// per-input time-out.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  orderly::fuzz::SeededApp::Instance();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto& app = orderly::fuzz::SeededApp::Instance();
  // Malformed or over a limit: the session answers 400/413/431 without calling the handler.
  auto parsed = orderly::fuzz::ParseWholeRequest(data, size);
  if (!parsed) return 0;
  http::BeastRequest message = std::move(*parsed);
  const bool head = message.method() == bhttp::verb::head;
  const bool keep_alive = message.keep_alive();
  const unsigned version = message.version();
  message.target(app.Substitute(std::string(message.target())));
  message.body() = app.Substitute(std::move(message.body()));
  message.prepare_payload();

  http::Request request = http::FromBeast(std::move(message));
  http::Response response = app.Handle(request);
  if (!http::IsValidStatus(response.status) || response.status == 500) {
    std::fprintf(stderr, "%s %s answered %d: %s\n", request.method.c_str(), request.target.c_str(),
                 response.status, response.body.c_str());
    std::abort();
  }
  std::ostringstream wire;
  wire << http::ToBeast(std::move(response), version, keep_alive, head);
  return 0;
}
