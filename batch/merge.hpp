#pragma once
// `wellsim merge`: every complete task of a sweep into one ensemble file (output/ensemble_file),
// with the outcomes an analyst sweeps for: mean life satisfaction at yearly horizons, discounted
// costs, headline domain prevalences and, against the experiment's baseline scenario (same design
// point and replicate: a paired difference), WELLBYs, their value, net cost and cost per WELLBY.
// A task whose file is missing, unfinished, of another run or unreadable — or whose baseline
// partner is — is listed as incomplete and left out, never mixed in.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace wellsim::batch {

/// How to merge.
struct MergeOptions {
  std::string out;               ///< ensemble file
  bool overwrite = false;        ///< replace `out` if it exists
  double discount_rate = 0.035;  ///< per year (Green Book)
  double wellby_value = 13000;   ///< GBP per WELLBY (Green Book central, 2019 prices)
};

/// What was merged.
struct MergeSummary {
  std::uint32_t planned = 0, merged = 0;
  std::vector<std::pair<std::string, std::string>> incomplete;  ///< task id, reason
  std::vector<std::string> outcomes;                            ///< outcome names written
};

/// Merges sweep directory `dir` (its sweep.json and task files). `on_task` sees the tasks
/// merged so far and the number planned (for a progress line). Throws sim::InputError for a bad
/// directory or output.
MergeSummary merge_sweep(const std::string& dir, const MergeOptions& options,
                         const std::function<void(std::uint32_t, std::uint32_t)>& on_task = {});

}  // namespace wellsim::batch
