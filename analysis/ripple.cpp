#include "analysis/ripple.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wellsim::analysis {

const std::array<const char*, kRings> kRingNames = {"recipients", "1 hop", "2 hops", "3 hops",
                                                    "4+ hops"};

sim::Network with_programme_ties(const output::RunReader& run, std::uint32_t last_step) {
  sim::Network net = run.network();
  const std::size_t n = net.offsets.size() - 1;
  const auto kinds = run.event_kinds();
  const auto ev = run.events();
  std::vector<std::vector<std::uint32_t>> extra(n);
  for (std::size_t e = 0; e < ev.step.size(); ++e) {
    if (ev.step[e] > last_step || ev.kind[e] >= kinds.size()) continue;
    if (kinds[ev.kind[e]].rfind("tie/", 0) != 0) continue;
    const auto a = ev.agent[e], b = ev.other[e];
    if (a >= n || b >= n || a == b) continue;
    extra[a].push_back(b), extra[b].push_back(a);
  }
  sim::Network out;
  out.layer_names = net.layer_names;
  out.layer_names.push_back("community");
  const auto community = static_cast<std::uint8_t>(out.layer_names.size() - 1);
  out.offsets.push_back(0);
  std::vector<std::uint32_t> row;
  for (std::size_t i = 0; i < n; ++i) {
    row.assign(net.neighbours.begin() + static_cast<std::ptrdiff_t>(net.offsets[i]),
               net.neighbours.begin() + static_cast<std::ptrdiff_t>(net.offsets[i + 1]));
    for (std::uint64_t k = net.offsets[i]; k < net.offsets[i + 1]; ++k)
      out.neighbours.push_back(net.neighbours[k]), out.layer.push_back(net.layer[k]);
    std::sort(extra[i].begin(), extra[i].end());
    extra[i].erase(std::unique(extra[i].begin(), extra[i].end()), extra[i].end());
    for (auto j : extra[i])
      if (std::find(row.begin(), row.end(), j) == row.end())
        out.neighbours.push_back(j), out.layer.push_back(community);
    out.offsets.push_back(out.neighbours.size());
  }
  out.original_id = std::move(net.original_id);
  out.group = std::move(net.group);
  out.group_names = std::move(net.group_names);
  return out;
}

std::vector<char> recipients(const output::RunReader& run, const std::set<std::string>& names,
                             std::uint32_t last_step) {
  const auto kinds = run.event_kinds();
  std::vector<char> is_start(kinds.size(), 0);
  for (std::size_t k = 0; k < kinds.size(); ++k)
    for (const auto& name : names)
      if (kinds[k] == "intervention/" + name + "/start") is_start[k] = 1;
  std::vector<char> out(run.agent_count(), 0);
  const auto ev = run.events();
  for (std::size_t e = 0; e < ev.step.size(); ++e)
    if (ev.step[e] <= last_step && ev.kind[e] < is_start.size() && is_start[ev.kind[e]] &&
        ev.agent[e] < out.size())
      out[ev.agent[e]] = 1;
  return out;
}

Ripple decompose(const std::vector<double>& diff, const std::vector<std::uint32_t>& hops) {
  Ripple r;
  for (std::size_t i = 0; i < diff.size() && i < hops.size(); ++i) {
    if (std::isnan(diff[i])) continue;  // not there on one side: no difference of their own
    const std::size_t ring = std::min<std::uint32_t>(hops[i], kRings - 1);
    ++r.people[ring];
    r.total[ring] += diff[i];
    r.total_effect += diff[i];
  }
  for (std::size_t k = 0; k < kRings; ++k)
    r.mean[k] = r.people[k] ? r.total[k] / static_cast<double>(r.people[k]) : 0.0;
  r.spillover_share = r.total_effect != 0 ? (r.total_effect - r.total[0]) / r.total_effect
                                          : std::numeric_limits<double>::quiet_NaN();
  return r;
}

std::vector<int> first_hop_layer(const sim::Network& net, const std::vector<char>& source,
                                 const std::vector<std::uint32_t>& hops) {
  std::vector<int> out(hops.size(), -1);
  for (std::size_t i = 0; i < hops.size() && i + 1 < net.offsets.size(); ++i) {
    if (hops[i] != 1) continue;
    for (std::uint64_t e = net.offsets[i]; e < net.offsets[i + 1]; ++e) {
      const auto j = net.neighbours[e];
      const int l = e < net.layer.size() ? net.layer[e] : 0;
      if (j < source.size() && source[j] && (out[i] < 0 || l < out[i])) out[i] = l;
    }
  }
  return out;
}

LayerRipple decompose_by_layer(const std::vector<double>& diff, const std::vector<int>& layer,
                               std::size_t layers) {
  LayerRipple r;
  r.people.assign(layers, 0);
  r.mean.assign(layers, 0.0);
  for (std::size_t i = 0; i < diff.size() && i < layer.size(); ++i)
    if (layer[i] >= 0 && static_cast<std::size_t>(layer[i]) < layers && !std::isnan(diff[i])) {
      ++r.people[layer[i]];
      r.mean[layer[i]] += diff[i];
    }
  for (std::size_t l = 0; l < layers; ++l)
    if (r.people[l]) r.mean[l] /= static_cast<double>(r.people[l]);
  return r;
}

}  // namespace wellsim::analysis
