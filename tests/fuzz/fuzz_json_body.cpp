// The JSON body reader (Content-Type check, depth limit, object only) and the typed field readers
// the handlers use for order creation and actions. The first input line is the Content-Type, the
// rest the body. Every failure must be an orderly::Error (a 4xx), never another exception, and an
// integer read is the integer sent.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "api/json/body.hpp"
#include "api/json/structure_json.hpp"
#include "domain/error.hpp"

namespace json = orderly::api::json;

namespace {

// An integer the reader accepts is the number the client sent, not a wrapped-around one.
void CheckInteger(const nlohmann::json& sent, std::optional<long long> read) {
  if (!read) return;
  const bool same = sent.is_number_unsigned() ? *read >= 0 && static_cast<std::uint64_t>(*read) ==
                                                                  sent.get<std::uint64_t>()
                                              : *read == sent.get<std::int64_t>();
  if (!same) std::abort();
}

// Each reader on each field of the body, as a handler would read an order or an action.
void ReadEveryField(const nlohmann::json& body) {
  for (const auto& item : body.items()) {
    const std::string name = item.key();
    const nlohmann::json& value = item.value();
    auto attempt = [](auto&& read) {
      try {
        read();
      } catch (const orderly::Error&) {
      }
    };
    attempt([&] { json::RequiredString(body, name); });
    attempt([&] { json::OptionalString(body, name); });
    attempt([&] { json::OptionalBool(body, name); });
    attempt([&] { CheckInteger(value, json::OptionalInteger(body, name)); });
    attempt([&] { json::OptionalObject(body, name); });
    attempt([&] { json::OptionalArray(body, name); });
    attempt([&] { json::OptionalDecimal(body, name); });
    attempt([&] { json::OptionalNullableString(body, name); });
    attempt([&] { json::RequiredReference(body, name); });
    if (value.is_array()) {
      attempt([&] { json::ComponentsFromJson(value); });
      attempt([&] { json::PlansFromJson(value); });
    }
  }
  // The fields of an order request (Waldur's names) that may be absent.
  for (const char* name : {"offering", "project", "plan", "type", "attributes", "limits",
                           "accepting_terms_of_service", "callback_url", "start_date"}) {
    try {
      json::OptionalString(body, name);
      json::RequiredReference(body, name);
    } catch (const orderly::Error&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  orderly::api::http::Request request;
  request.method = "POST";
  request.headers.emplace_back("content-type", std::string(input.substr(0, newline)));
  request.body = newline == std::string_view::npos ? "" : std::string(input.substr(newline + 1));
  try {
    ReadEveryField(json::ObjectBody(request));
  } catch (const orderly::Error&) {
  }
  return 0;
}
