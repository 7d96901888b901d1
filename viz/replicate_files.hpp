#pragma once
// Finding the other replicates of a viewed run. `wellsim run --replicates N -o OUT.h5` writes
// OUT_r0.h5 ... OUT_r{N-1}.h5 side by side, so a file named STEM_rK.h5 has its siblings in the
// same folder under the same stem. The name only proposes candidates; whether they are runs of
// the same scenario is decided by their contents (analysis::set_key, in replicate_set).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wellsim::viz {

/// A run file's name split as STEM_rK.h5.
struct ReplicateName {
  std::string stem;             ///< the part before `_rK`
  std::uint32_t replicate = 0;  ///< K
};

/// Splits a file name (no folder) of the form STEM_rK.h5 (K decimal digits, STEM not empty);
/// nullopt for any other name.
std::optional<ReplicateName> parse_replicate_name(const std::string& file_name);

/// The files of `folder_names` (names in the folder of `path`) that are named like replicates
/// of `path` (same stem), as paths in that folder, in replicate order, `path`'s own name
/// included; just {path} when `path` is not named STEM_rK.h5.
std::vector<std::string> replicate_siblings(const std::string& path,
                                            const std::vector<std::string>& folder_names);

/// The names of the regular files in `folder` ("" : the current folder); empty when it
/// cannot be listed.
std::vector<std::string> list_folder(const std::string& folder);

}  // namespace wellsim::viz
