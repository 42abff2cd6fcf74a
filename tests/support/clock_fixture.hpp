#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "api_fixture.hpp"

namespace orderly::testing {

// A fixture whose server reads "now" from a file the test controls (`orderly serve --clock-file`).
// Until SetNow is called the file is missing and the server uses real time. Background periodic
// jobs are slowed to once an hour so that only the test's POST /api/periodic-jobs/run/ releases
// orders, and a test sees exactly what each run changed.
template <typename Base = ApiTest>
class WithClock : public Base {
 protected:
  WithClock() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "orderly-clock-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    directory_ = pattern;
  }
  ~WithClock() override {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }

  // `now` is an ISO timestamp such as "2030-01-01T00:00:00.000000Z"; "" goes back to real time.
  void SetNow(const std::string& now) {
    std::ofstream out(ClockFile(), std::ios::trunc);
    out << now << "\n";
    if (!out) throw std::runtime_error("cannot write the clock file");
  }

  std::filesystem::path ClockFile() const { return directory_ / "now"; }

  std::vector<std::string> ExtraServerArgs() const override {
    auto args = Base::ExtraServerArgs();
    args.insert(args.end(), {"--clock-file", ClockFile().string(), "--periodic-interval", "3600"});
    return args;
  }

 private:
  std::filesystem::path directory_;
};

using ClockTest = WithClock<ApiTest>;

}  // namespace orderly::testing
