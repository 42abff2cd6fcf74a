#pragma once

#include <string>

#include "domain/clock.hpp"

namespace orderly::service {

// A clock that reads the current time from a file, for tests that need dates to pass
// (`orderly serve --clock-file PATH`). A missing or empty file means the system clock.
class FileClock final : public domain::Clock {
 public:
  explicit FileClock(std::string path) : path_(std::move(path)) {}
  std::string Now() const override;

 private:
  std::string path_;
};

}  // namespace orderly::service
