# Script mode: writes build_info.cpp, touching it only when the content changes.
execute_process(COMMAND git -C ${SRC} rev-parse HEAD OUTPUT_VARIABLE COMMIT
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR COMMIT STREQUAL "")
  set(COMMIT "unknown")
endif()
execute_process(COMMAND git -C ${SRC} status --porcelain --untracked-files=no
  OUTPUT_VARIABLE DIRTY ERROR_QUIET)
if(NOT DIRTY STREQUAL "")
  set(COMMIT "${COMMIT}-dirty")
endif()
string(REGEX REPLACE "  +" " " FLAGS "${FLAGS}")
string(STRIP "${FLAGS}" FLAGS)
# The flags become a C++ string literal: escape what would end it.
string(REPLACE "\\" "\\\\" FLAGS "${FLAGS}")
string(REPLACE "\"" "\\\"" FLAGS "${FLAGS}")
set(CONTENT "#include \"sim/build_info.hpp\"
namespace wellsim::sim {
const BuildInfo& build_info() {
  static const BuildInfo info{\"${VERSION}\", \"${COMMIT}\", \"${BUILD_TYPE}\", \"${COMPILER}\", \"${FLAGS}\"};
  return info;
}
}  // namespace wellsim::sim
")
if(EXISTS ${OUT})
  file(READ ${OUT} OLD)
endif()
if(NOT "${OLD}" STREQUAL "${CONTENT}")
  file(WRITE ${OUT} "${CONTENT}")
endif()
