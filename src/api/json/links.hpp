#pragma once

#include <string>
#include <string_view>

namespace orderly::api::json {

// Absolute URLs of objects, built from the address the client used (its Host header).
class Links {
 public:
  explicit Links(std::string base) : base_(std::move(base)) {}
  // e.g. Object("customers", uuid) -> "http://host/api/customers/<uuid>/"
  std::string Object(std::string_view collection, std::string_view uuid) const {
    return base_ + "/api/" + std::string(collection) + "/" + std::string(uuid) + "/";
  }
  const std::string& base() const { return base_; }

 private:
  std::string base_;
};

}  // namespace orderly::api::json
