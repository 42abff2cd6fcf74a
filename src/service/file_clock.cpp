#include "service/file_clock.hpp"

#include <fstream>

#include "service/system_clock.hpp"

namespace orderly::service {

std::string FileClock::Now() const {
  std::ifstream in(path_);
  std::string now;
  std::getline(in, now);
  while (!now.empty() && (now.back() == '\n' || now.back() == ' ' || now.back() == '\r')) now.pop_back();
  return now.empty() ? SystemClock().Now() : now;
}

}  // namespace orderly::service
