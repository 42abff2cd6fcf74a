#include "api/handlers/structure_handlers.hpp"
#include "api/openapi/openapi_document.hpp"
#include "api/openapi/reference_page.hpp"
#include "api/routes.hpp"

namespace orderly::api::handlers {

http::Response ApiSchema(Call&) {
  static const std::string document = openapi::OpenApiDocument(Routes()).dump();
  return http::Response{
      .status = 200, .content_type = "application/json", .body = document, .headers = {}};
}

http::Response ApiDocs(Call&) {
  return http::Response{.status = 200,
                        .content_type = "text/html; charset=utf-8",
                        .body = std::string(openapi::ReferencePage()),
                        .headers = {}};
}

}  // namespace orderly::api::handlers
