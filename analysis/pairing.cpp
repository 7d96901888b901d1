#include "analysis/pairing.hpp"

#include <algorithm>

#include "sim/errors.hpp"

namespace wellsim::analysis {

namespace {

std::string list(const std::vector<std::uint32_t>& r) {
  std::string s;
  for (auto v : r) s += (s.empty() ? "" : ",") + std::to_string(v);
  return "{" + s + "}";
}

[[noreturn]] void refuse(const output::RunReader& b, const output::RunReader& p,
                         const std::string& what) {
  throw sim::InputError("cannot pair " + b.path() + " with " + p.path() + ": " + what +
                        "; paired runs need the same seed, replicate and people "
                        "(pass --unpaired to compare them as independent samples)");
}

}  // namespace

Pairing pair_sets(const RunSet& baseline, const RunSet& policy, bool unpaired) {
  Pairing out;
  std::uint32_t last = ~0u;
  for (const auto& r : baseline.runs) last = std::min(last, r->steps_completed());
  for (const auto& r : policy.runs) last = std::min(last, r->steps_completed());
  out.last_step = last;
  if (unpaired) {
    out.paired = false;
    return out;
  }
  if (baseline.replicates() != policy.replicates())
    throw sim::InputError("cannot pair " + baseline.name + " (replicates " +
                          list(baseline.replicates()) + ", " + baseline.runs.front()->path() +
                          "...) with " + policy.name + " (replicates " + list(policy.replicates()) +
                          ", " + policy.runs.front()->path() +
                          "...): give the same replicate numbers on both sides "
                          "(or pass --unpaired)");
  for (std::size_t k = 0; k < baseline.size(); ++k) {
    const auto& b = *baseline.runs[k];
    const auto& p = *policy.runs[k];
    if (b.seed() != p.seed())
      refuse(
          b, p,
          "different seeds (" + std::to_string(b.seed()) + " vs " + std::to_string(p.seed()) + ")");
    if (b.agent_count() != p.agent_count())
      refuse(b, p,
             "different population sizes (" + std::to_string(b.agent_count()) + " vs " +
                 std::to_string(p.agent_count()) + " people)");
    const auto ib = b.original_ids(), ip = p.original_ids();
    auto [db, dp] = std::mismatch(ib.begin(), ib.end(), ip.begin());
    if (db != ib.end())
      refuse(b, p,
             "different people (agent " + std::to_string(db - ib.begin()) + " has original id " +
                 std::to_string(*db) + " vs " + std::to_string(*dp) + ")");
    out.pairs.emplace_back(k, k);
  }
  return out;
}

}  // namespace wellsim::analysis
