#include "service/file_clock.hpp"

#include <fstream>

#include "service/system_clock.hpp"

namespace orderly::service {

std::string FileClock::Now() const {
  // Without a file (every deployment) there is nothing to open on each request.
  if (path_.empty()) return SystemClock().Now();
  std::ifstream in(path_);
  std::string now;
  std::getline(in, now);
  while (!now.empty() && (now.back() == '\n' || now.back() == ' ' || now.back() == '\r'))
    now.pop_back();
  return now.empty() ? SystemClock().Now() : now;
}

}  // namespace orderly::service
