#include "api/http/url.hpp"

namespace orderly::api::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string Decode(std::string_view text, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int high = HexValue(text[i + 1]);
      int low = HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        decoded.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    decoded.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return decoded;
}

}  // namespace

std::string PercentDecode(std::string_view text) { return Decode(text, false); }

std::string QueryDecode(std::string_view text) { return Decode(text, true); }

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (char c : text) {
    if (IsUnreserved(c)) {
      encoded.push_back(c);
      continue;
    }
    auto byte = static_cast<unsigned char>(c);
    encoded.push_back('%');
    encoded.push_back(kHex[byte >> 4]);
    encoded.push_back(kHex[byte & 0x0F]);
  }
  return encoded;
}

QueryPairs ParseQuery(std::string_view query) {
  QueryPairs pairs;
  while (!query.empty()) {
    std::size_t end = query.find('&');
    std::string_view piece = query.substr(0, end);
    query = end == std::string_view::npos ? std::string_view{} : query.substr(end + 1);
    if (piece.empty()) continue;
    std::size_t equals = piece.find('=');
    if (equals == std::string_view::npos) {
      pairs.emplace_back(QueryDecode(piece), std::string{});
    } else {
      pairs.emplace_back(QueryDecode(piece.substr(0, equals)),
                         QueryDecode(piece.substr(equals + 1)));
    }
  }
  return pairs;
}

Target ParseTarget(std::string_view target) {
  target = target.substr(0, target.find('#'));
  if (std::size_t scheme = target.find("://");
      scheme != std::string_view::npos && target.find('/') > scheme) {
    std::size_t path_start = target.find_first_of("/?", scheme + 3);
    target =
        path_start == std::string_view::npos ? std::string_view{"/"} : target.substr(path_start);
  }
  std::size_t question = target.find('?');
  Target result;
  result.path = PercentDecode(target.substr(0, question));
  if (question != std::string_view::npos) result.query = ParseQuery(target.substr(question + 1));
  if (result.path.empty()) result.path.push_back('/');
  return result;
}

}  // namespace orderly::api::http
