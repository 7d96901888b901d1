#include "analysis/presence.hpp"

#include <algorithm>
#include <string>

namespace wellsim::analysis {

namespace {

/// Index of the event kind `name` in `kinds`, or -1.
std::ptrdiff_t kind_index(const std::vector<std::string>& kinds, const char* name) {
  const auto it = std::find(kinds.begin(), kinds.end(), std::string(name));
  return it == kinds.end() ? -1 : it - kinds.begin();
}

}  // namespace

Presence presence_of(const output::RunReader& run) {
  const std::size_t n = run.agent_count();
  Presence p{std::vector<std::uint32_t>(n, 0), std::vector<std::uint32_t>(n, kNever)};
  const auto [entered, left] = run.presence_weeks();
  if (!entered.empty()) {
    for (std::size_t i = 0; i < n; ++i) {
      p.from[i] = entered[i] < 0 ? kNever : static_cast<std::uint32_t>(entered[i]);
      p.until[i] = left[i] < 0 ? kNever : static_cast<std::uint32_t>(left[i]);
    }
    return p;
  }
  const auto kinds = run.event_kinds();
  const auto birth = kind_index(kinds, "birth"), death = kind_index(kinds, "death");
  if (birth < 0 && death < 0) return p;
  const auto ev = run.events();
  for (std::size_t e = 0; e < ev.step.size(); ++e) {
    const auto i = ev.agent[e];
    if (i >= n) continue;
    if (ev.kind[e] == birth) p.from[i] = ev.step[e];
    if (ev.kind[e] == death) p.until[i] = std::min(p.until[i], ev.step[e]);
  }
  return p;
}

std::vector<char> present_at(const Presence& presence, std::uint32_t step) {
  std::vector<char> out(presence.from.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = presence.at(i, step) ? 1 : 0;
  return out;
}

}  // namespace wellsim::analysis
