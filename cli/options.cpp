#include "cli/options.hpp"

#include <charconv>
#include <cstdint>

#include "sim/errors.hpp"

namespace wellsim::cli {

const CLI::Validator& whole_number() {
  static const CLI::Validator check(
      [](std::string& text) {
        std::uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, ec] = std::from_chars(text.data(), end, value);
        if (ec == std::errc() && stop == end) return std::string();
        std::string shown = sim::shown_path(text.size() > 40 ? text.substr(0, 37) + "..." : text);
        return std::string("expected a whole number >= 0, found '").append(shown).append("'");
      },
      "N");
  return check;
}

}  // namespace wellsim::cli
