#pragma once

#include <memory>
#include <string>

#include "store/sqlite/checkpointer.hpp"
#include "store/sqlite/writer_queue.hpp"

namespace orderly::store::sqlite {

// What the connections of this process to one database file share: their writer queue and the
// checkpointer. It lives as long as one of them does.
struct SharedFile {
  explicit SharedFile(const std::string& path) : checkpointer(path) {}

  // The one of `path` (as the file system names it, so two spellings of a path meet).
  static std::shared_ptr<SharedFile> Of(const std::string& path);

  WriterQueue writers;
  Checkpointer checkpointer;
};

}  // namespace orderly::store::sqlite
