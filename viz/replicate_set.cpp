// Decides which replicate files belong with the viewed run (same scenario, checked the way
// analysis/ checks it) and reads their means for the replicate band.
#include "viz/replicate_set.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>

#include "analysis/run_set.hpp"
#include "output/run_reader.hpp"
#include "viz/replicate_files.hpp"

namespace wellsim::viz {

namespace fs = std::filesystem;

namespace {

void add(ReplicateMeans& set, const output::RunReader& r) {
  set.paths.push_back(r.path());
  set.replicates.push_back(r.replicate());
  set.means.push_back(r.stat("mean"));
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return a == b || fs::equivalent(a, b, ec);
}

}  // namespace

ReplicateMeans discover_replicates(const std::string& path,
                                   const std::vector<std::string>& folder_names) {
  auto viewed = std::make_unique<output::RunReader>(path);
  const std::string key = analysis::set_key(*viewed);
  std::map<std::uint32_t, std::unique_ptr<output::RunReader>> by_replicate;
  const std::uint32_t own = viewed->replicate();
  by_replicate[own] = std::move(viewed);
  ReplicateMeans set;
  for (const std::string& file : replicate_siblings(path, folder_names)) {
    if (same_file(file, path)) continue;
    try {
      auto r = std::make_unique<output::RunReader>(file);
      // Another scenario under the same stem, or a second file claiming a replicate already
      // held (a copy): neither belongs in this band.
      if (analysis::set_key(*r) != key || by_replicate.count(r->replicate())) {
        ++set.ignored;
        continue;
      }
      by_replicate[r->replicate()] = std::move(r);
    } catch (const std::exception&) {
      ++set.ignored;  // a run still being written, or not a run at all
    }
  }
  for (const auto& [k, r] : by_replicate) add(set, *r);
  return set;
}

ReplicateMeans discover_replicates(const std::string& path) {
  return discover_replicates(path, list_folder(fs::path(path).parent_path().string()));
}

ReplicateMeans named_replicates(const std::string& path, const std::vector<std::string>& named) {
  std::vector<std::string> all = named;
  if (std::none_of(all.begin(), all.end(), [&](const auto& p) { return same_file(p, path); }))
    all.insert(all.begin(), path);
  const analysis::RunSet runs = analysis::load_run_set(all);
  ReplicateMeans set;
  for (const auto& r : runs.runs) add(set, *r);
  return set;
}

std::vector<std::vector<double>> paired_differences(const ReplicateMeans& run,
                                                    const ReplicateMeans& base) {
  std::vector<std::vector<double>> out;
  for (std::size_t i = 0; i < run.size(); ++i) {
    const auto it = std::find(base.replicates.begin(), base.replicates.end(), run.replicates[i]);
    if (it == base.replicates.end()) continue;
    const auto& p = run.means[i];
    const auto& b = base.means[std::size_t(it - base.replicates.begin())];
    std::vector<double> d(std::min(p.size(), b.size()));
    for (std::size_t w = 0; w < d.size(); ++w) d[w] = p[w] - b[w];
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace wellsim::viz
