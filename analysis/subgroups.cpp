#include "analysis/subgroups.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "sim/errors.hpp"

namespace wellsim::analysis {

int wellbeing_band(double v) { return v < 4.5 ? 0 : v < 6.5 ? 1 : v < 8.5 ? 2 : 3; }

std::vector<int> quintiles(const std::vector<float>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<int> q(values.size());
  for (std::size_t rank = 0; rank < order.size(); ++rank)
    q[order[rank]] = static_cast<int>(rank * 5 / order.size());
  return q;
}

std::vector<Split> splits_of(const output::RunReader& run) {
  std::vector<Split> out;
  const std::size_t n = run.agent_count();

  Split hood{"neighbourhood", {}, {}};
  const sim::Network net = run.network();
  for (std::size_t g = 0; g < sim::group_count(net); ++g)
    hood.categories.push_back(sim::group_name(net, g));
  hood.label.assign(net.group.begin(), net.group.end());
  if (!hood.categories.empty()) out.push_back(std::move(hood));

  if (run.has_people()) {
    Split income{"income quintile (week-0 disposable)",
                 {"Q1 (lowest)", "Q2", "Q3", "Q4", "Q5 (highest)"},
                 quintiles(run.people_values("disposable"))};
    out.push_back(std::move(income));

    Split age{"age band", {"0-15", "16-24", "25-44", "45-64", "65+"}, {}};
    for (auto a : run.people_codes("age"))
      age.label.push_back(a < 16 ? 0 : a < 25 ? 1 : a < 45 ? 2 : a < 65 ? 3 : 4);
    out.push_back(std::move(age));

    Split hh{"household size", {"1", "2", "3", "4", "5+"}, {}};
    auto households = run.households();
    std::vector<std::size_t> size;
    for (auto h : households) {
      if (h >= size.size()) size.resize(h + 1, 0);
      ++size[h];
    }
    for (auto h : households)
      hh.label.push_back(static_cast<int>(std::min<std::size_t>(size[h], 5)) - 1);
    out.push_back(std::move(hh));

    Split minority{"minority", {"not minority", "minority"}, {}};
    // The minority bit is where the run file's trait names say it is, not a constant here.
    const auto traits = run.people_names("trait_names");
    const auto bit = std::find(traits.begin(), traits.end(), "minority") - traits.begin();
    if (bit >= static_cast<std::ptrdiff_t>(traits.size()))
      throw sim::InputError(run.path() + ": /people has no \"minority\" trait");
    for (auto t : run.people_codes("traits")) minority.label.push_back(t >> bit & 1 ? 1 : 0);
    out.push_back(std::move(minority));
  }

  Split band{"week-0 wellbeing band", {"0-4", "5-6", "7-8", "9-10"}, {}};
  for (float v : run.initial_wellbeing()) band.label.push_back(wellbeing_band(v));
  band.label.resize(n, -1);
  out.push_back(std::move(band));
  return out;
}

std::vector<double> group_means(const Split& split, const std::vector<float>& values) {
  std::vector<double> sum(split.categories.size(), 0.0);
  std::vector<std::size_t> count(split.categories.size(), 0);
  for (std::size_t i = 0; i < values.size() && i < split.label.size(); ++i) {
    const int c = split.label[i];
    if (c < 0 || c >= static_cast<int>(sum.size())) continue;
    sum[static_cast<std::size_t>(c)] += values[i];
    ++count[static_cast<std::size_t>(c)];
  }
  for (std::size_t c = 0; c < sum.size(); ++c)
    sum[c] = count[c] ? sum[c] / static_cast<double>(count[c])
                      : std::numeric_limits<double>::quiet_NaN();
  return sum;
}

std::vector<std::size_t> group_sizes(const Split& split) {
  std::vector<std::size_t> count(split.categories.size(), 0);
  for (int c : split.label)
    if (c >= 0 && c < static_cast<int>(count.size())) ++count[static_cast<std::size_t>(c)];
  return count;
}

}  // namespace wellsim::analysis
