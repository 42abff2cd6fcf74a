# Turns migrations/<engine>/NNNN_name.sql into a C++ source that lists them in order, so the binary
# carries its own schema and never depends on where it is run from.
# Invoked as: cmake -DENGINE=sqlite -DSOURCE_DIR=... -DOUTPUT=... -P EmbedMigrations.cmake
file(GLOB files "${SOURCE_DIR}/*.sql")
list(SORT files)
set(body "")
foreach(file IN LISTS files)
  get_filename_component(name "${file}" NAME_WE)
  string(REGEX MATCH "^[0-9]+" version "${name}")
  # 0008 would be an invalid octal literal in C++: drop the leading zeros.
  string(REGEX REPLACE "^0+([0-9])" "\\1" version "${version}")
  file(READ "${file}" sql)
  string(APPEND body "    {${version}, \"${name}\", R\"orderly_sql(${sql})orderly_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from migrations/${ENGINE}/ by cmake/EmbedMigrations.cmake; do not edit.
#include \"store/sql/migration.hpp\"

namespace orderly::store::${ENGINE} {

std::span<const sql::Migration> Migrations() {
  static const sql::Migration kMigrations[] = {
${body}  };
  return kMigrations;
}

}  // namespace orderly::store::${ENGINE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
