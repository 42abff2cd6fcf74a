#include "store/sqlite/shared_file.hpp"

#include <filesystem>
#include <map>
#include <mutex>

namespace orderly::store::sqlite {

std::shared_ptr<SharedFile> SharedFile::Of(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<SharedFile>> files;
  std::error_code error;
  auto canonical = std::filesystem::weakly_canonical(path, error);
  const std::string key = error ? path : canonical.string();
  std::lock_guard lock(mutex);
  if (auto shared = files[key].lock()) return shared;
  std::erase_if(files, [](const auto& entry) { return entry.second.expired(); });
  auto shared = std::make_shared<SharedFile>(key);
  files[key] = shared;
  return shared;
}

}  // namespace orderly::store::sqlite
