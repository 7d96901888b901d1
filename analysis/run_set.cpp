#include "analysis/run_set.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "sim/errors.hpp"

namespace wellsim::analysis {

namespace {

std::string run_name(const output::RunReader& r) {
  auto params = r.parameters();
  auto it = params.find("run.name");
  if (it != params.end() && it->second.size() >= 2 && it->second.front() == '"')
    return it->second.substr(1, it->second.size() - 2);
  return std::filesystem::path(r.scenario_path()).stem().string();
}

RunSet make_set(std::vector<std::unique_ptr<output::RunReader>> runs) {
  RunSet set;
  set.hash = runs.front()->scenario_hash();
  set.key = set_key(*runs.front());
  set.name = run_name(*runs.front());
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

std::string set_key(const output::RunReader& run) {
  const std::string text = run.effective_scenario();
  std::string kept, table;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.front() == '[') table = line;
    if (table == "[run]" && line.rfind("replicate ", 0) == 0) continue;
    kept += line + "\n";
  }
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bits
  for (unsigned char ch : kept) h = (h ^ ch) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

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
                            run_name(*runs.front()) + " " + set_key(*runs.front()) + " vs " +
                            run_name(*runs.back()) + " " + set_key(*runs.back()) +
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
