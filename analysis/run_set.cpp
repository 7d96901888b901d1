// Replicate sets: run files grouped by the set key each file carries (/scenario `set_key`),
// so grouping never re-reads scenario text.
#include "analysis/run_set.hpp"

#include <algorithm>
#include <map>

#include "sim/errors.hpp"

namespace wellsim::analysis {

namespace {

RunSet make_set(std::vector<std::unique_ptr<output::RunReader>> runs) {
  RunSet set;
  set.hash = runs.front()->scenario_hash();
  set.key = set_key(*runs.front());
  set.name = runs.front()->run_name();
  std::stable_sort(runs.begin(), runs.end(),
                   [](const auto& a, const auto& b) { return a->replicate() < b->replicate(); });
  for (std::size_t k = 1; k < runs.size(); ++k)
    if (runs[k]->replicate() == runs[k - 1]->replicate())
      throw sim::InputError(runs[k - 1]->path() + " and " + runs[k]->path() +
                            ": both are replicate " + std::to_string(runs[k]->replicate()) +
                            " of scenario " + set.name + "; give each replicate once");
  set.runs = std::move(runs);
  return set;
}

}  // namespace

std::string set_key(const output::RunReader& run) { return run.set_key(); }

std::vector<std::uint32_t> RunSet::replicates() const {
  std::vector<std::uint32_t> r;
  for (const auto& run : runs) r.push_back(run->replicate());
  return r;
}

std::vector<std::string> RunSet::paths() const {
  std::vector<std::string> p;
  for (const auto& run : runs) p.push_back(run->path());
  return p;
}

RunSet load_run_set(const std::vector<std::string>& paths) {
  if (paths.empty()) throw sim::InputError("no run files given");
  std::vector<std::unique_ptr<output::RunReader>> runs;
  for (const auto& p : paths) {
    runs.push_back(std::make_unique<output::RunReader>(p));
    if (set_key(*runs.back()) != set_key(*runs.front()))
      throw sim::InputError(runs.front()->path() + " and " + p + ": different scenarios (" +
                            runs.front()->run_name() + " " + set_key(*runs.front()) + " vs " +
                            runs.back()->run_name() + " " + set_key(*runs.back()) +
                            "); a replicate set holds the runs of one scenario");
  }
  return make_set(std::move(runs));
}

std::vector<RunSet> group_run_sets(const std::vector<std::string>& paths) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::unique_ptr<output::RunReader>>> by_hash;
  for (const auto& p : paths) {
    auto r = std::make_unique<output::RunReader>(p);
    const std::string h = set_key(*r);
    if (!by_hash.count(h)) order.push_back(h);
    by_hash[h].push_back(std::move(r));
  }
  std::vector<RunSet> sets;
  for (const auto& h : order) sets.push_back(make_set(std::move(by_hash[h])));
  return sets;
}

}  // namespace wellsim::analysis
