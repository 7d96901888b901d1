# libFuzzer targets (fuzz/*.cpp, one executable each; scripts/fuzz.sh builds and runs them).
# Needs clang: configure with CC=clang CXX=clang++. Every target of ours is compiled with
# -fsanitize=fuzzer-no-link,address,undefined (coverage for the fuzzer, AddressSanitizer and
# UBSan for what it finds); the fuzz executables link libFuzzer's main with -fsanitize=fuzzer.
# The targets live in fuzz/, outside tests/, so the Catch2 glob never picks them up.
option(WELLSIM_FUZZ "Build the libFuzzer targets in fuzz/ (clang only)" OFF)
if(WELLSIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "WELLSIM_FUZZ needs clang (CC=clang CXX=clang++; scripts/fuzz.sh)")
  endif()
  if(WELLSIM_SANITIZE)
    message(FATAL_ERROR "WELLSIM_FUZZ brings its own sanitizers: leave WELLSIM_SANITIZE empty")
  endif()
  set(WELLSIM_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_compile_options(${WELLSIM_FUZZ_FLAGS})
  add_link_options(-fsanitize=address,undefined)
endif()

# Called at the end of the top-level CMakeLists.txt, once the libraries exist.
function(wellsim_add_fuzz_targets)
  if(NOT WELLSIM_FUZZ)
    return()
  endif()
  file(GLOB targets CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/fuzz_*.cpp)
  foreach(source IN LISTS targets)
    get_filename_component(name ${source} NAME_WE)
    add_executable(${name} ${source} ${PROJECT_SOURCE_DIR}/fuzz/fuzz_support.cpp)
    target_link_libraries(${name} PRIVATE wellsim_models wellsim_output)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    target_compile_definitions(${name} PRIVATE WELLSIM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  endforeach()
endfunction()
