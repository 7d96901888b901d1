#pragma once
#include <string_view>

namespace wellsim::sim {

/// How this binary was built; written into every run file so a result can be reproduced.
struct BuildInfo {
  std::string_view version;     ///< project version (CMake)
  std::string_view git_commit;  ///< commit hash, "-dirty" when built from a modified tree
  std::string_view build_type;  ///< Release, Debug, ...
  std::string_view compiler;    ///< compiler id and version
  std::string_view flags;       ///< C++ flags of the build type
};

/// The build information baked in at compile time (cmake/write_build_info.cmake).
const BuildInfo& build_info();

}  // namespace wellsim::sim
