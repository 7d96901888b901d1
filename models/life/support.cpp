// Support and loneliness.
//
// Mechanism: a person's support is the number of close ties they have this week — household,
// kin and close friends in the frozen network (Dunbar's support clique of about five: Dunbar
// 1998; Hill & Dunbar 2003) plus ties made by community programmes (the overlay). A person is
// lonely when, as an adult, they have fewer close ties beyond their household than
// `lonely_support_below` or fewer ties of any kind than `lonely_ties_below`. The defaults aim at
// the ONS Opinions and Lifestyle Survey figure of ~7% often or always lonely: in a town network
// with Dunbar-sized layers most people have five or more ties, so loneliness falls on the
// low-degree tail (the town's sociability spread makes one); the share a network gives is
// reported as prevalence/lonely at week 0 (7.2% of adults in the default town with fewer than
// three close ties beyond the household) and the thresholds can be tuned against it.
// Why this way: the frozen counts are taken once (the CSR never changes), so the weekly cost is
// one overlay row length per person.
#include "models/life/support.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstring>

#include "models/community/layers.hpp"

namespace wellsim::models {

namespace {

/// Which layers count as close ties and as outer (close beyond the household), by layer code.
struct CloseLayers {
  bool close[256] = {}, outer[256] = {}, school[256] = {};
  bool any_school = false;
  explicit CloseLayers(const sim::Network& net) {
    for (std::size_t l = 0; l < net.layer_names.size() && l < 256; ++l) {
      const auto& name = net.layer_names[l];
      outer[l] = name == kLayerNames[kKin] || name == kLayerNames[kCloseFriend];
      close[l] = outer[l] || name == kLayerNames[kHousehold];
      school[l] = name == kLayerNames[kSchool];
      any_school |= school[l];
    }
  }
};

}  // namespace

FrozenTies count_frozen_ties(const sim::Network& net, bool school) {
  const std::size_t n = net.size();
  FrozenTies f;
  f.close.assign(n, 0);
  f.outer.assign(n, 0);
  f.all.assign(n, 0);
  const CloseLayers layers(net);
  const bool* is_close = layers.close;
  const bool* is_outer = layers.outer;
  const bool* is_school = layers.school;
  const bool layered = net.layer.size() == net.entries();
  if (school && layered && layers.any_school) f.school.assign(n, 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const auto& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      std::uint32_t close = 0, outer = 0, school = 0;
      if (layered)
        for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k)
          close += is_close[net.layer[k]], outer += is_outer[net.layer[k]],
              school += is_school[net.layer[k]];
      f.close[i] = static_cast<std::uint16_t>(std::min<std::uint32_t>(close, 65535));
      f.outer[i] = static_cast<std::uint16_t>(std::min<std::uint32_t>(outer, 65535));
      if (!f.school.empty())
        f.school[i] = static_cast<std::uint16_t>(std::min<std::uint32_t>(school, 65535));
      f.all[i] = static_cast<std::uint16_t>(std::min<std::uint64_t>(net.degree(i), 65535));
    }
  });
  return f;
}

void drop_absent_ties(FrozenTies& f, const sim::Network& net,
                      const std::vector<std::uint8_t>& present,
                      std::vector<std::uint8_t>& dropped) {
  const std::size_t n = net.size();
  if (present.size() != n) return;
  dropped.resize(n, 0);
  const CloseLayers layers(net);
  const bool layered = net.layer.size() == net.entries();
  // One tie's worth off (a person left) or back on (a newborn filled a reserved row).
  auto change = [](std::uint16_t& c, bool off) {
    c = off ? static_cast<std::uint16_t>(c > 0 ? c - 1 : 0)
            : static_cast<std::uint16_t>(c < 65535 ? c + 1 : c);
  };
  for (std::size_t i = 0; i < n; ++i) {
    if ((present[i] != 0) != (dropped[i] != 0)) continue;  // counted as they are
    const bool off = present[i] == 0;
    dropped[i] = off;
    for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k) {
      const std::uint32_t j = net.neighbours[k];
      change(f.all[j], off);
      if (layered && layers.close[net.layer[k]]) change(f.close[j], off);
      if (layered && layers.outer[net.layer[k]]) change(f.outer[j], off);
      if (layered && layers.school[net.layer[k]] && !f.school.empty()) change(f.school[j], off);
    }
  }
}

}  // namespace wellsim::models
