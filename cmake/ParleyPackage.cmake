# The Debian package (CPack, DEB generator): `cd build && cpack` writes parley_<version>_<arch>.deb.
# It installs under /usr (the install rules of ParleyInstall.cmake); dpkg-shlibdeps (Debian's
# dpkg-dev) declares the libraries the programs link, and the Chinese font is a dependency.
# Removing the package leaves the users' data alone: it lives in their home folders (XDG), never
# in the package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME parley)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Parley")
set(CPACK_PACKAGE_CONTACT "Parley developers <parley@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Sales-conversation training: rehearse client meetings against simulated clients")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Sales-conversation training for bank customer managers (客户经理)\n\
Parley simulates client meetings and negotiations: the client speaks and\n\
reacts, the trainee chooses what to say, and every run ends with a\n\
debrief scoring eleven competencies. Includes the desktop player, the\n\
trainers' scenario editor (parley-editor), the classroom server and\n\
projector board (parley-board), the terminal tool parley-cli and the\n\
bundled bilingual scenarios.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # parley_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk")
set(CPACK_STRIP_FILES ON)
include(CPack)
