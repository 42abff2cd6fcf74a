#include "support/parse_request.hpp"

namespace orderly::fuzz {

std::optional<api::http::BeastRequest> ParseWholeRequest(const unsigned char* data,
                                                         std::size_t size) {
  api::http::RequestParser parser;
  api::http::ApplyLimits(parser, api::http::ServerOptions{});
  parser.eager(true);
  boost::beast::error_code error;
  parser.put(boost::asio::buffer(data, size), error);
  if (!error && !parser.is_done()) parser.put_eof(error);
  if (error || !parser.is_done()) return std::nullopt;
  return parser.release();
}

}  // namespace orderly::fuzz
