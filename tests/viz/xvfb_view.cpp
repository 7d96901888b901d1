#include "tests/viz/xvfb_view.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace wellsim::test {

std::optional<std::string> view_under_xvfb(const std::string& args, const std::string& log) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
    WARN("xvfb-run is not installed (Debian xvfb): rendering not tested");
    return std::nullopt;
  }
  const std::string cmd = "xvfb-run -a -s '-screen 0 1280x1024x24' " + std::string(WELLSIM_EXE) +
                          " view " + args + " >" + log + " 2>&1";
  const int status = std::system(cmd.c_str());
  std::ifstream in(log);
  std::string said((std::istreambuf_iterator<char>(in)), {});
  INFO(said);
  REQUIRE(status == 0);
  return said;
}

}  // namespace wellsim::test
