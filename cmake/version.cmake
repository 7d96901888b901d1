# Bakes the git commit and build flags into the binary so every run file can say how it was made
# (DESIGN invariant 7). Re-run at every build so the commit is never stale.
set(WELLSIM_VERSION_CPP ${CMAKE_BINARY_DIR}/generated/build_info.cpp)
add_custom_target(wellsim_build_info
  COMMAND ${CMAKE_COMMAND}
    -DSRC=${PROJECT_SOURCE_DIR} -DOUT=${WELLSIM_VERSION_CPP}
    -DVERSION=${PROJECT_VERSION} -DBUILD_TYPE=${CMAKE_BUILD_TYPE}
    -DCOMPILER=${CMAKE_CXX_COMPILER_ID}-${CMAKE_CXX_COMPILER_VERSION}
    "-DFLAGS=${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${CMAKE_BUILD_TYPE}}"
    -P ${PROJECT_SOURCE_DIR}/cmake/write_build_info.cmake
  BYPRODUCTS ${WELLSIM_VERSION_CPP})
