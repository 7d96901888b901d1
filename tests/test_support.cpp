#include "tests/test_support.hpp"
#include "tests/smoke_overrides.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "models/scenario_schema.hpp"
#include "sim/scenario.hpp"

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

std::vector<std::string> smoke_overrides(const std::string& scenario_path) {
  const sim::Scenario sc = sim::load_scenario(scenario_path, models::scenario_schema());
  if (sc.variant("population") != "census") return {};
  double people = 0;
  for (double size : sc.table("population").reals("sizes")) people += size;
  constexpr double kSmoke = 100000;
  if (people <= 10 * kSmoke) return {};
  return {"population.scale=" + std::to_string(kSmoke / people)};
}

}  // namespace wellsim::test
