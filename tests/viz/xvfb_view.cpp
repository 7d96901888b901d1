#include "tests/viz/xvfb_view.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

#ifdef WELLSIM_HAVE_VIEWER
#include <stb_image.h>
#endif

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

std::string command_output(const std::string& cmd) {
  std::string out;
  if (std::FILE* p = popen(cmd.c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
  }
  return out;
}

std::string video_frames(const std::string& video) {
  return command_output(
      "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
      "stream=nb_read_frames,width,height -of csv=p=0 " +
      video);
}

void extract_frame(const std::string& video, int n, const std::string& png) {
  const std::string cmd = "ffmpeg -v error -y -i " + video + " -vf select='eq(n\\," +
                          std::to_string(n) + ")' -frames:v 1 " + png;
  REQUIRE(std::system(cmd.c_str()) == 0);
}

#ifdef WELLSIM_HAVE_VIEWER
double frame_difference(const std::string& a_png, const std::string& b_png) {
  int w = 0, h = 0, c = 0, bw = 0, bh = 0;
  unsigned char* a = stbi_load(a_png.c_str(), &w, &h, &c, 3);
  unsigned char* b = stbi_load(b_png.c_str(), &bw, &bh, &c, 3);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  REQUIRE(w == bw);
  REQUIRE(h == bh);
  double diff = 0;
  for (std::size_t i = 0; i < std::size_t(w) * std::size_t(h) * 3; ++i)
    diff += std::abs(int(a[i]) - int(b[i]));
  stbi_image_free(a);
  stbi_image_free(b);
  return diff / (double(w) * double(h) * 3);
}
#endif

}  // namespace wellsim::test
