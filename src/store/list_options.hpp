#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace orderly::store {

// Paging and ordering of a list, already checked by the caller against the fields the list offers.
struct ListOptions {
  std::string order_field;  // one of the list's sortable fields; empty: the list's default
  bool descending = false;
  std::int64_t offset = 0;
  std::int64_t limit = 10;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

// Who is asking, for the lists that show each user only what their roles reach.
struct Visibility {
  bool everything = false;
  std::int64_t user_id = 0;
};

}  // namespace orderly::store
