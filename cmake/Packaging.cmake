# `cpack` (or the `package` target) builds a .deb: the binaries in /usr/bin, the web UI in
# /usr/share/orderly/web, the systemd unit and the default configuration in /etc/orderly.
include(GNUInstallDirs)

install(TARGETS orderly orderly-agent RUNTIME DESTINATION bin)
install(FILES "${PROJECT_SOURCE_DIR}/packaging/orderly.service" DESTINATION lib/systemd/system)
# An absolute destination: /etc is not under the /usr prefix.
install(FILES "${PROJECT_SOURCE_DIR}/packaging/orderly.toml" DESTINATION /etc/orderly)
install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION share/doc/orderly)
if(ORDERLY_WEB)
  install(DIRECTORY "${ORDERLY_WEB_DIST}/" DESTINATION share/orderly/web)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME orderly)
set(CPACK_PACKAGE_VENDOR "orderly")
set(CPACK_PACKAGE_CONTACT "orderly maintainers <orderly@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Marketplace order management speaking Waldur's REST dialect")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Debug information stays in the build; the package is a tenth of the size and quick to build.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
# Library dependencies from the binaries (dpkg-shlibdeps).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# An edited /etc/orderly/orderly.toml survives upgrades.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/conffiles")
include(CPack)
