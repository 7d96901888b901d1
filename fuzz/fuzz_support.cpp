#include "fuzz/fuzz_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>

#include "sim/errors.hpp"

namespace wellsim::fuzz {

namespace {

bool strict() {
  static const bool value = [] {
    const char* s = std::getenv("WELLSIM_FUZZ_STRICT");
    return s != nullptr && std::string(s) == "1";
  }();
  return value;
}

}  // namespace

void guarded(const std::function<void()>& body) {
  try {
    body();
  } catch (const sim::InputError&) {
    // A clean refusal.
  } catch (const std::exception& e) {
    if (strict()) {
      std::fprintf(stderr, "fuzz: not an InputError: %s\n", e.what());
      std::abort();
    }
  }
}

std::string write_input(const std::uint8_t* data, std::size_t size, const std::string& suffix) {
  static const std::string dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("wellsim-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d.string();
  }();
  std::string path = dir + "/input" + suffix;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace wellsim::fuzz
