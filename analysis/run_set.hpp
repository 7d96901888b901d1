#pragma once
// A replicate set: the run files of one scenario, one per replicate number, opened and checked
// once. The scenario hash covers `run.replicate`, so runs are grouped by a key of their own: the
// effective scenario without that one line (every other key, the seed included, must match).
#include <memory>
#include <string>
#include <vector>

#include "output/run_reader.hpp"

namespace wellsim::analysis {

/// The runs of one scenario, ordered by replicate number.
struct RunSet {
  std::string name;  ///< the scenario's run.name (falls back to the scenario file's stem)
  std::string hash;  ///< effective-scenario hash of the first run (differs by replicate)
  std::string key;   ///< set_key() shared by every run
  std::vector<std::unique_ptr<output::RunReader>> runs;  ///< one per replicate, sorted

  /// Number of replicates.
  std::size_t size() const { return runs.size(); }
  /// Replicate numbers, in order.
  std::vector<std::uint32_t> replicates() const;
  /// The files, in replicate order.
  std::vector<std::string> paths() const;
};

/// The effective scenario of `run` without its `[run] replicate` line, as a short hex hash:
/// equal for the replicates of one scenario, different for anything else.
std::string set_key(const output::RunReader& run);

/// Opens `paths` as one replicate set. Throws sim::InputError naming the files when they mix
/// scenarios (different set keys), repeat a replicate number, or none is given.
RunSet load_run_set(const std::vector<std::string>& paths);

/// Opens `paths` and groups them by set_key(), in order of first appearance, so
/// `a_r0 a_r1 b_r0 b_r1` gives the sets {a} and {b}.
std::vector<RunSet> group_run_sets(const std::vector<std::string>& paths);

}  // namespace wellsim::analysis
