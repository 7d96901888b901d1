#include "tests/test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

namespace wellsim::test {

TempDir::TempDir(const std::string& tag) {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("wellsim-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
  std::string p = file(name);
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

std::string shared_data(const std::string& relative) {
  std::filesystem::path p = std::filesystem::path(WELLSIM_SHARED_DATA) / relative;
  return std::filesystem::exists(p) ? p.string() : std::string();
}

std::string read_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string source_path(const std::string& relative) {
  return (std::filesystem::path(WELLSIM_SOURCE_DIR) / relative).string();
}

}  // namespace wellsim::test
