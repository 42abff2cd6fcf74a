#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orderly::api::http {

// A request as the handlers see it: decoded path and query, headers, the whole body.
struct Request {
  std::string method;  // upper case: "GET", "POST", ...
  std::string target;  // as received, e.g. "/api/customers/?page=2"
  std::string path;    // percent-decoded, without the query string
  std::vector<std::pair<std::string, std::string>> query;    // percent-decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::vector<std::pair<std::string, std::string>> path_params;  // filled by the router
  // For logs and metrics: the matched route's pattern, and the caller once authenticated.
  std::string route;
  std::string user;
  // X-Request-ID as received when sane, else made up (App::Handle); also in transition logs.
  std::string request_id;

  // The first value of a header (name in lower case), or empty.
  std::string_view Header(std::string_view lower_name) const;
  // The first value of a query parameter, or empty.
  std::string_view Query(std::string_view name) const;
  bool HasQuery(std::string_view name) const;
  // Every value of a repeated query parameter.
  std::vector<std::string> QueryAll(std::string_view name) const;
  // A path parameter captured by the route pattern, or empty.
  std::string_view Param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

}  // namespace orderly::api::http
