# Precompiled headers: nlohmann/json and Catch2 are most of what each translation unit parses,
# so every C++ target precompiles them (and the standard headers every file uses) once instead
# of once per file. This is a build-speed measure only: every file still includes what it uses,
# and PARLEY_PCH=OFF builds the same program without them.
option(PARLEY_PCH "Precompile the common headers (nlohmann/json, Catch2, the standard library)" ON)

set(PARLEY_PCH_HEADERS
  <algorithm> <cstdint> <filesystem> <functional> <map> <memory> <optional> <set> <sstream>
  <string> <string_view> <utility> <vector>
  <nlohmann/json.hpp>)

# Every target defined in `dir` and the folders below it.
function(parley_collect_targets dir out)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    parley_collect_targets(${sub} sub_targets)
    list(APPEND targets ${sub_targets})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

function(parley_precompile_all)
  if(NOT PARLEY_PCH)
    return()
  endif()
  parley_collect_targets(${PROJECT_SOURCE_DIR} targets)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(NOT type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY)$")
      continue()
    endif()
    get_target_property(sources ${target} SOURCES)
    list(FILTER sources INCLUDE REGEX "\\.cpp$")
    list(LENGTH sources count)
    if(count LESS 2)   # one file gains nothing from a header compiled for it alone
      continue()
    endif()
    set(headers ${PARLEY_PCH_HEADERS})
    get_target_property(libs ${target} LINK_LIBRARIES)
    if(libs MATCHES "Catch2::Catch2")
      list(APPEND headers <catch2/catch.hpp>)
      # The runner defines CATCH_CONFIG_MAIN before including Catch2, so it cannot share the
      # precompiled (non-main) Catch2.
      get_target_property(source_dir ${target} SOURCE_DIR)
      foreach(source IN LISTS sources)
        if(source MATCHES "(^|/)(gui_)?main\\.cpp$")
          cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${source_dir})
          set_source_files_properties(${source} TARGET_DIRECTORY ${target}
                                      PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
        endif()
      endforeach()
    endif()
    target_precompile_headers(${target} PRIVATE ${headers})
  endforeach()
endfunction()
