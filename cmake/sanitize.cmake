# Sanitizer builds (scripts/sanitize.sh, .ci/run): WELLSIM_SANITIZE is "" (none),
# "address,undefined" or "thread". The flags go on every target (our libraries, the tests, the
# command line, the benchmarks), since a sanitizer sees only what was compiled with it.
# -fno-sanitize-recover=undefined makes the first UB report abort the process, so a test with UB
# fails instead of printing a warning and passing. Run-time options and suppressions:
# scripts/sanitize.sh and cmake/sanitizers/.
set(WELLSIM_SANITIZE "" CACHE STRING "Sanitizers: \"\", \"address,undefined\" or \"thread\"")
set_property(CACHE WELLSIM_SANITIZE PROPERTY STRINGS "" "address,undefined" "thread")
if(WELLSIM_SANITIZE STREQUAL "address,undefined")
  set(WELLSIM_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer)
elseif(WELLSIM_SANITIZE STREQUAL "thread")
  set(WELLSIM_SANITIZE_FLAGS -fsanitize=thread -fno-omit-frame-pointer)
elseif(NOT WELLSIM_SANITIZE STREQUAL "")
  message(FATAL_ERROR "WELLSIM_SANITIZE=\"${WELLSIM_SANITIZE}\": expected \"\", "
    "\"address,undefined\" or \"thread\"")
endif()
if(WELLSIM_SANITIZE_FLAGS)
  add_compile_options(${WELLSIM_SANITIZE_FLAGS})
  add_link_options(${WELLSIM_SANITIZE_FLAGS})
  message(STATUS "Sanitizers: ${WELLSIM_SANITIZE}")
endif()

# ThreadSanitizer and oneTBB: cmake/sanitizers/tbb_tsan.c says why and how; scripts/sanitize.sh
# preloads the library into every test process. Built without instrumentation of its own.
if(WELLSIM_SANITIZE STREQUAL "thread")
  add_library(wellsim_tbb_tsan SHARED ${PROJECT_SOURCE_DIR}/cmake/sanitizers/tbb_tsan.c)
  set_target_properties(wellsim_tbb_tsan PROPERTIES OUTPUT_NAME tbb_tsan)
  target_compile_options(wellsim_tbb_tsan PRIVATE -fno-sanitize=all)
  target_link_options(wellsim_tbb_tsan PRIVATE -fno-sanitize=all)
  target_link_libraries(wellsim_tbb_tsan PRIVATE ${CMAKE_DL_LIBS})
endif()

# Called at the end of the top-level CMakeLists.txt (after enable_testing): under TSan, the two
# canaries of cmake/sanitizers/tsan_canary.cpp, a race-free program that must stay silent and a
# racy one that must be reported, so that a silent TSan run is known to be able to speak.
function(wellsim_add_sanitizer_tests)
  if(NOT WELLSIM_SANITIZE STREQUAL "thread" OR NOT WELLSIM_BUILD_TESTS)
    return()
  endif()
  add_executable(wellsim_tsan_canary ${PROJECT_SOURCE_DIR}/cmake/sanitizers/tsan_canary.cpp)
  target_link_libraries(wellsim_tsan_canary PRIVATE TBB::tbb)
  add_dependencies(wellsim_tsan_canary wellsim_tbb_tsan)
  add_test(NAME tsan_canary_silent_without_race COMMAND wellsim_tsan_canary)
  add_test(NAME tsan_canary_reports_a_race COMMAND wellsim_tsan_canary race)
  set_tests_properties(tsan_canary_reports_a_race PROPERTIES
    PASS_REGULAR_EXPRESSION "WARNING: ThreadSanitizer: data race.*tsan_canary.cpp")
endfunction()
