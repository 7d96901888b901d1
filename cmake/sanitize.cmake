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

# Called at the end of tests/CMakeLists.txt. Under ASan, exceptions for tagged tests
# (docs/reliability.md "Suppressions, and why"), each appended to the options scripts/sanitize.sh
# exports (ENVIRONMENT_MODIFICATION; a later option wins):
# - Catch2 tests tagged [damaged-hdf5], where libhdf5 fails on a damaged file or a full disk, also
#   read cmake/sanitizers/lsan_hdf5.supp (that file says why);
# - Catch2 tests tagged [gl], whose `wellsim view` loads the GL driver (cmake/sanitizers/lsan.supp
#   says why), and the MPI tests, whose OpenMPI loads and unloads its components (below), run
#   without leak detection; memory errors and undefined behaviour are still checked there.
# The Catch2 tests exist only once ctest has discovered them, so a CTest script that ctest reads
# after discovery asks the test program which tests carry each tag (a tag, not a list of names
# kept here, so a new test is covered by tagging it where it is written).
function(wellsim_sanitizer_test_options)
  if(NOT WELLSIM_SANITIZE STREQUAL "address,undefined")
    return()
  endif()
  # The test program at -O0 (the libraries and `wellsim` stay at -O1): a unity batch of test
  # files compiles in 0.39 to 0.59 of the CPU time (25 to 31 CPU-s less each, 15 batches), and
  # the longest in-process tests took 1.27 times the CPU (28 s more); docs/reliability.md
  # "CI time".
  target_compile_options(wellsim_tests PRIVATE -O0)
  set(supp ${PROJECT_SOURCE_DIR}/cmake/sanitizers/lsan_hdf5.supp)
  set(hdf5 "LSAN_OPTIONS=string_append::suppressions=${supp}")
  set(no_leaks "ASAN_OPTIONS=string_append::detect_leaks=0")
  set(script ${CMAKE_CURRENT_BINARY_DIR}/sanitizer_test_options.cmake)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/sanitizers/tagged_test_options.cmake.in
    ${script}.in @ONLY)
  file(GENERATE OUTPUT ${script} INPUT ${script}.in)
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${script})
  # Every input the run-file fuzzer saved is a damaged run file (tests/fuzz/crashes_test.sh).
  set_tests_properties(fuzz_crashes PROPERTIES ENVIRONMENT_MODIFICATION "${hdf5}")
  # OpenMPI 4.1 leaves blocks of its own at MPI_Finalize and unloads (dlclose) the components
  # that allocated them, so the reports' frames are "<unknown module>", libmpi.so.40 or a wrong
  # module at an unloaded component's old address: nothing a pattern could name exactly.
  if(TEST mpi_dispatch)
    set_tests_properties(mpi_dispatch sweep_mpi PROPERTIES ENVIRONMENT_MODIFICATION "${no_leaks}")
  endif()
endfunction()

# Called at the end of the top-level CMakeLists.txt (after enable_testing): under TSan, the two
# canaries of cmake/sanitizers/tsan_canary.cpp, a race-free program that must stay silent and a
# racy one that must be reported, so that a silent TSan run is known to be able to speak.
function(wellsim_add_sanitizer_tests)
  if(NOT WELLSIM_BUILD_TESTS)
    return()
  endif()
  if(NOT WELLSIM_SANITIZE STREQUAL "thread")
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
