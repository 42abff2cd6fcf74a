#pragma once

#include "domain/clock.hpp"

namespace orderly::service {

class SystemClock final : public domain::Clock {
 public:
  std::string Now() const override;
};

}  // namespace orderly::service
