#include "processing/backend_http/order_dispatch.hpp"

namespace orderly::processing::backend_http {

service::ProcessingResult Succeeded(std::string output) {
  service::ProcessingResult result;
  result.succeeded = true;
  result.output = std::move(output);
  return result;
}

}  // namespace orderly::processing::backend_http
