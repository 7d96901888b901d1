#include "analysis/presence.hpp"

#include <algorithm>
#include <string>

namespace wellsim::analysis {

std::vector<std::uint32_t> absent_from(const output::RunReader& run) {
  std::vector<std::uint32_t> out(run.agent_count(), kNeverLeft);
  const auto kinds = run.event_kinds();
  const auto death = std::find(kinds.begin(), kinds.end(), std::string("death")) - kinds.begin();
  if (death == static_cast<std::ptrdiff_t>(kinds.size())) return out;
  const auto ev = run.events();
  for (std::size_t e = 0; e < ev.step.size(); ++e)
    if (ev.kind[e] == death && ev.agent[e] < out.size())
      out[ev.agent[e]] = std::min(out[ev.agent[e]], ev.step[e]);
  return out;
}

std::vector<char> present_at(const std::vector<std::uint32_t>& absent_from, std::uint32_t step) {
  std::vector<char> out(absent_from.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = step < absent_from[i] ? 1 : 0;
  return out;
}

}  // namespace wellsim::analysis
