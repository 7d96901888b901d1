# Bakes the git commit and build flags into the binary so every run file can say how it was made
# (DESIGN invariant 7). Re-run at every build so the commit is never stale.
set(WELLSIM_VERSION_CPP ${CMAKE_BINARY_DIR}/generated/build_info.cpp)
# The flags of the build type are in CMAKE_CXX_FLAGS_RELEASE, ..._DEBUG: upper case (spelling
# the build type as given, "Release", found no variable and left build_flags empty). The
# options added per directory (warnings, sanitizers) are read from wellsim_sim when the target
# runs, so they are the ones the code was compiled with.
string(TOUPPER "${CMAKE_BUILD_TYPE}" WELLSIM_BUILD_TYPE_UPPER)
set(WELLSIM_BUILD_FLAGS "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${WELLSIM_BUILD_TYPE_UPPER}}")
set(WELLSIM_BUILD_FLAGS
  "${WELLSIM_BUILD_FLAGS} -std=c++${CMAKE_CXX_STANDARD} $<JOIN:$<TARGET_PROPERTY:wellsim_sim,COMPILE_OPTIONS>, >")
add_custom_target(wellsim_build_info
  COMMAND ${CMAKE_COMMAND}
    -DSRC=${PROJECT_SOURCE_DIR} -DOUT=${WELLSIM_VERSION_CPP}
    -DVERSION=${PROJECT_VERSION} -DBUILD_TYPE=${CMAKE_BUILD_TYPE}
    -DCOMPILER=${CMAKE_CXX_COMPILER_ID}-${CMAKE_CXX_COMPILER_VERSION}
    "-DFLAGS=${WELLSIM_BUILD_FLAGS}"
    -P ${PROJECT_SOURCE_DIR}/cmake/write_build_info.cmake
  BYPRODUCTS ${WELLSIM_VERSION_CPP})
