# Install rules (`cmake --install build --prefix DIR`), laid out as Debian expects:
#   bin/<program>                                   the programs
#   share/parley/scenarios, share/parley/assets     content and assets (found from the program, ../share/parley)
#   share/applications/<program>.desktop            menu entries (names in en and zh_CN)
#   share/icons/hicolor/<N>x<N>/apps/<program>.png  icons, plus scalable/apps/<program>.svg
#   share/man/man1/<program>.1                      man pages, from --help by help2man when it is found
#
# A program is installed with one line:
#   parley_install_program(TARGET [DESKTOP] [SUMMARY "one line for the man page"])
# DESKTOP installs packaging/<target>.desktop and the icon assets/icons/<target>.svg rendered
# (assets/make-icons.sh) at every size.
include(GNUInstallDirs)

set(PARLEY_ICON_SIZES 16 32 48 64 128 256)
find_program(HELP2MAN help2man)
if(NOT HELP2MAN)
  message(STATUS "help2man not found: no man pages are built or installed (apt-get install help2man)")
endif()

function(parley_install_program target)
  cmake_parse_arguments(ARG "DESKTOP" "SUMMARY" "" ${ARGN})
  install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  if(ARG_DESKTOP)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${target}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    foreach(size IN LISTS PARLEY_ICON_SIZES)
      install(FILES ${PROJECT_SOURCE_DIR}/assets/icons/hicolor/${size}x${size}/apps/${target}.png
              DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    install(FILES ${PROJECT_SOURCE_DIR}/assets/icons/${target}.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  endif()
  if(HELP2MAN)
    # The program's own --help, so the man page never drifts from it. --version-string: the
    # programs have no --version option.
    set(page ${PROJECT_BINARY_DIR}/man/${target}.1)
    add_custom_command(OUTPUT ${page}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
      COMMAND ${HELP2MAN} --no-info --no-discard-stderr --version-string=${PROJECT_VERSION}
              "--name=${ARG_SUMMARY}" --section=1 --output=${page} $<TARGET_FILE:${target}>
      DEPENDS ${target}
      COMMENT "Man page ${target}.1 from ${target} --help")
    add_custom_target(${target}-man ALL DEPENDS ${page})
    install(FILES ${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  endif()
endfunction()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/parley/scenarios)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/parley/assets
        PATTERN make-icons.sh EXCLUDE)

parley_install_program(parley-cli SUMMARY "validate, play, replay, analyze and format Parley scenarios in a terminal")
if(TARGET parley)
  parley_install_program(parley DESKTOP SUMMARY "rehearse client meetings and negotiations against simulated clients")
endif()
if(TARGET parley-editor)
  parley_install_program(parley-editor DESKTOP SUMMARY "write and check Parley scenarios")
endif()
if(TARGET parley-board)
  parley_install_program(parley-board DESKTOP SUMMARY "classroom sessions for Parley: the server and the projector board")
endif()
