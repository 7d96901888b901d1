#pragma once
// The replicates behind the viewed run's mean-over-time band: found beside it by name
// (replicate_files) and kept only when analysis::set_key says they are the same scenario, or
// named on the command line (then a mix is an error, as in `wellsim compare`).
#include <cstdint>
#include <string>
#include <vector>

namespace wellsim::viz {

/// The mean wellbeing over time of each replicate of one scenario.
struct ReplicateMeans {
  std::vector<std::string> paths;          ///< the files used, in replicate order
  std::vector<std::uint32_t> replicates;   ///< their replicate numbers
  std::vector<std::vector<double>> means;  ///< each file's /steps/mean, one per week
  std::size_t ignored = 0;  ///< files named like replicates but of another scenario or unreadable

  /// Number of replicates used (the viewed run included).
  std::size_t size() const { return paths.size(); }
};

/// The viewed run `path` and those of `folder_names` (its folder's files) that are replicates
/// of the same scenario; others are counted in `ignored`, not reported. Throws
/// sim::InputError only when `path` itself cannot be read.
ReplicateMeans discover_replicates(const std::string& path,
                                   const std::vector<std::string>& folder_names);
/// discover_replicates() over the files now in `path`'s folder.
ReplicateMeans discover_replicates(const std::string& path);

/// The viewed run `path` and the files `named` (it may be among them) as one replicate set.
/// Throws sim::InputError naming the files when they mix scenarios or repeat a replicate.
ReplicateMeans named_replicates(const std::string& path, const std::vector<std::string>& named);

/// Run minus baseline mean wellbeing per week for each replicate number both sides have,
/// in replicate order (common random numbers pair a policy replicate with its baseline).
std::vector<std::vector<double>> paired_differences(const ReplicateMeans& run,
                                                    const ReplicateMeans& base);

}  // namespace wellsim::viz
