# The web UI (web/: TypeScript + React + Vite) is part of the build: `npm ci` whenever the lock file
# changes, then `vite build` into <build dir>/web-dist, where `orderly serve` finds it by default.
option(ORDERLY_WEB "Build the web UI (needs Node.js and npm)" ON)
if(NOT ORDERLY_WEB)
  return()
endif()

find_program(NPM_EXECUTABLE npm REQUIRED)
set(ORDERLY_WEB_SOURCE_DIR "${PROJECT_SOURCE_DIR}/web")
set(ORDERLY_WEB_DIST "${CMAKE_BINARY_DIR}/web-dist")
set(web_installed_stamp "${CMAKE_BINARY_DIR}/web-npm-ci.stamp")

add_custom_command(
  OUTPUT "${web_installed_stamp}"
  COMMAND "${NPM_EXECUTABLE}" ci --no-audit --no-fund --loglevel=error
  COMMAND "${CMAKE_COMMAND}" -E touch "${web_installed_stamp}"
  WORKING_DIRECTORY "${ORDERLY_WEB_SOURCE_DIR}"
  DEPENDS "${ORDERLY_WEB_SOURCE_DIR}/package.json" "${ORDERLY_WEB_SOURCE_DIR}/package-lock.json"
  COMMENT "Installing the web UI's npm packages (npm ci)"
  VERBATIM)

file(GLOB_RECURSE web_sources CONFIGURE_DEPENDS "${ORDERLY_WEB_SOURCE_DIR}/src/*")
add_custom_command(
  OUTPUT "${ORDERLY_WEB_DIST}/index.html"
  COMMAND "${NPM_EXECUTABLE}" run --silent build -- --outDir "${ORDERLY_WEB_DIST}" --emptyOutDir --logLevel warn
  WORKING_DIRECTORY "${ORDERLY_WEB_SOURCE_DIR}"
  DEPENDS "${web_installed_stamp}" ${web_sources} "${ORDERLY_WEB_SOURCE_DIR}/index.html"
          "${ORDERLY_WEB_SOURCE_DIR}/vite.config.ts" "${ORDERLY_WEB_SOURCE_DIR}/tsconfig.json"
  COMMENT "Building the web UI into ${ORDERLY_WEB_DIST}"
  VERBATIM)

add_custom_target(web_ui ALL DEPENDS "${ORDERLY_WEB_DIST}/index.html")
