// libFuzzer target: the run-file reader (output::RunReader) on a file holding the fuzz input.
// Once the file opens, every accessor that `inspect`, `compare` and `view` use is called, each
// guarded on its own so that one refusal does not hide a crash in the next. The seeds are tiny
// run files (tests/fuzz/corpus/fuzz_run_reader/); libhdf5 itself is not instrumented, so a crash
// inside it shows as a SEGV with libhdf5 frames (issue 14: H5HG_read).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.hpp"
#include "output/run_reader.hpp"

namespace {

using wellsim::fuzz::guarded;
using wellsim::output::RunReader;

void read_metadata(const RunReader& r) {
  guarded([&] { (void)r.scenario_text(), (void)r.effective_scenario(), (void)r.scenario_hash(); });
  guarded([&] { (void)r.scenario_path(), (void)r.overrides(), (void)r.manifest(); });
  guarded([&] { (void)r.parameters(), (void)r.typed_parameters(), (void)r.run_name(); });
  guarded([&] { (void)r.interventions(), (void)r.set_key(), (void)r.status(); });
  guarded([&] { (void)r.seed(), (void)r.replicate(), (void)r.threads(), (void)r.steps_planned(); });
}

void read_agents(const RunReader& r) {
  guarded([&] { (void)r.original_ids(), (void)r.groups(), (void)r.initial_wellbeing(); });
  guarded([&] { (void)r.susceptibility(), (void)r.network(); });
  guarded([&] { (void)r.layout_x(), (void)r.layout_y(); });
  if (r.has_people()) {
    guarded([&] { (void)r.people_codes("age"), (void)r.people_values("wage"); });
    guarded([&] { (void)r.households(), (void)r.domain_names(); });
    guarded([&] { (void)r.people_names("activity_names"), (void)r.people_names("trait_names"); });
  }
}

void read_steps(const RunReader& r) {
  guarded([&] { (void)r.steps(), (void)r.stat("mean"), (void)r.record_every(); });
  guarded([&] {
    const auto recorded = r.recorded_steps();
    for (std::size_t i = 0; i < recorded.size() && i < 4; ++i) {
      (void)r.wellbeing_at(i);
      if (r.has_people()) (void)r.domains_at(i), (void)r.activity_at(i);
    }
  });
  guarded([&] { (void)r.series_matrix(), (void)r.event_kinds(), (void)r.events(); });
  guarded([&] {
    for (const auto& name : r.series_names()) (void)r.series(name);
  });
  guarded([&] {
    for (const auto& name : r.dataset_names()) (void)r.raw_bytes(name);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = wellsim::fuzz::write_input(data, size, ".h5");
  guarded([&] {
    const RunReader reader(path);
    read_metadata(reader);
    read_agents(reader);
    read_steps(reader);
  });
  return 0;
}
