// libFuzzer target: the scenario loader, sim::parse_scenario with the full schema
// (models::scenario_schema()), then the effective scenario and its hash, as `wellsim validate`
// does. Relative paths (extends, network files) resolve against scenarios/, so the seeds from
// there load as they do in the repository. Nothing is built: a valid scenario is not run.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.hpp"
#include "models/scenario_schema.hpp"
#include "sim/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  wellsim::fuzz::guarded([&] {
    const auto& schema = wellsim::models::scenario_schema();
    auto scenario =
        wellsim::sim::parse_scenario(text, "fuzz.toml", WELLSIM_SOURCE_DIR "/scenarios", schema);
    (void)scenario.hash(schema);
  });
  return 0;
}
