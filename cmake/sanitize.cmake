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

# ThreadSanitizer and oneTBB: cmake/sanitizers/tbb_itt_tsan.c (why), loaded at run time by
# scripts/sanitize.sh through INTEL_LIBITTNOTIFY64. (TBB's inline header code, such as the wait
# context that joins a parallel_for, is compiled into our objects and so instrumented already.)
if(WELLSIM_SANITIZE STREQUAL "thread")
  add_library(wellsim_tbb_itt_tsan SHARED ${PROJECT_SOURCE_DIR}/cmake/sanitizers/tbb_itt_tsan.c)
  set_target_properties(wellsim_tbb_itt_tsan PROPERTIES OUTPUT_NAME tbb_itt_tsan)
endif()
