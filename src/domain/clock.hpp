#pragma once

#include <string>

namespace orderly::domain {

// Time is injected so that rules about dates can be tested without waiting.
class Clock {
 public:
  virtual ~Clock() = default;
  // ISO 8601 UTC with microseconds, e.g. "2026-11-26T16:53:00.123456Z".
  virtual std::string Now() const = 0;
};

}  // namespace orderly::domain
