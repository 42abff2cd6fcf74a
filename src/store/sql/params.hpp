#pragma once

#include <string>
#include <vector>

#include "store/sql/value.hpp"

namespace orderly::store::sql {

// Collects the parameters of a statement built piece by piece and hands out their placeholders,
// so filters can be appended without counting $n by hand.
class Params {
 public:
  std::string Add(Value value) {
    values_.push_back(std::move(value));
    return "$" + std::to_string(values_.size());
  }
  int next() const { return static_cast<int>(values_.size()) + 1; }
  const std::vector<Value>& values() const { return values_; }

 private:
  std::vector<Value> values_;
};

}  // namespace orderly::store::sql
