#include "support/private_directory.hpp"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <stdexcept>

namespace orderly::fuzz {
namespace {

namespace fs = std::filesystem;

bool IsRunning(long pid) {
  return pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

void RemoveAbandoned(const fs::path& base, const std::string& prefix) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(base, error)) {
    const std::string file = entry.path().filename().string();
    if (!file.starts_with(prefix)) continue;
    const long pid = std::strtol(file.c_str() + prefix.size(), nullptr, 10);
    if (!IsRunning(pid)) fs::remove_all(entry.path(), error);
  }
}

}  // namespace

std::string MakePrivateDirectory(const std::string& name) {
  const fs::path base =
      fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  const std::string prefix = "orderly-fuzz-" + name + "-";
  RemoveAbandoned(base, prefix);
  std::string pattern = (base / (prefix + std::to_string(getpid()) + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("mkdtemp failed in " + base.string());
  return pattern;
}

}  // namespace orderly::fuzz
