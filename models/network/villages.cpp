// The Karnataka village network (Banerjee, Chandrasekhar, Duflo & Jackson 2013, "The Diffusion of
// Microfinance", Science 341: 1236498), lifted from households to people.
//
// Mechanism. Members of a household are a clique (layer household). Two households are tied in
// the survey when a member of one names a member of the other in any of 12 relationships (kin,
// visits, lending money or rice and kerosene, advice, medical help, temple). Most of these are
// kin and neighbour relations, so each household tie becomes a tie between the two heads in the
// kin layer; with probability `adult_pair_probability` one more pair of adults (other than the
// heads where the household has any) is tied in the friend layer, since several members of two
// close households usually know each other.
//
// Why built this way: the data record household ties only, so any person-level network is an
// assumption; the heads' tie is the minimal one that keeps every household tie of the data, and
// the extra adult pair is one knob for how much more contact there is. The edge list lists each
// tie in both directions; ties are made undirected and deduplicated so both listings give one
// tie, and a file with one direction gives the same network. Draws are keyed by the two household
// ids (stream "network.villages"), so the network does not depend on the file's line order.
#include "models/network/villages.hpp"

#include <algorithm>
#include <unordered_map>

#include "models/community/layers.hpp"
#include "models/network/source_support.hpp"
#include "models/population/village_households.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

const sim::ParamTable<VillagesParams>& villages_table() {
  using P = VillagesParams;
  return sim::declared<P>([](sim::ParamTable<P>& t) {
    t.add("path", &P::path, "")
        .path()
        .required()
        .help(
            "Household edge list, two household ids per line (e.g. banerjee_karnataka_villages/"
            "microfi_edges.txt).");
    t.add("adult_pair_probability", &P::adult_pair_probability, 0.5)
        .range(0, 1)
        .help("Chance that a household tie also ties one more pair of adults (friend layer).");
  });
}

const std::vector<sim::ParamSpec>& villages_params() { return villages_table().specs(); }

sim::EdgeList village_ties(const People& people, const sim::ParamSet& set,
                           const std::string& scenario_path, std::uint64_t seed,
                           std::uint32_t replicate) {
  const VillagesParams p = villages_table().read(set);
  (void)scenario_path;  // file errors name the edge list itself
  const std::vector<std::uint32_t> start = people.household_starts();
  const std::size_t households = start.size() - 1;
  std::unordered_map<std::int64_t, std::uint32_t> index;  // household id -> household
  index.reserve(households);
  for (std::uint32_t h = 0; h < households; ++h)
    index.emplace(people.original_id[start[h]] / 100, h);

  sim::EdgeList out;
  out.n = people.size();
  auto add = [&](sim::AgentId a, sim::AgentId b, Layer layer) {
    out.u.push_back(a), out.v.push_back(b), out.layer.push_back(layer);
  };
  for (std::uint32_t h = 0; h < households; ++h)
    for (sim::AgentId x = start[h]; x < start[h + 1]; ++x)
      for (sim::AgentId y = x + 1; y < start[h + 1]; ++y) add(x, y, kHousehold);

  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (const auto& t : read_household_ties(p.path)) {
    auto a = index.find(t.a), b = index.find(t.b);
    if (a == index.end() || b == index.end() || a->second == b->second) continue;
    pairs.emplace_back(std::min(a->second, b->second), std::max(a->second, b->second));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  const sim::RandomStream rng(seed, replicate, "network.villages");
  const double extra = p.adult_pair_probability;
  auto head = [&](std::uint32_t h) {
    for (sim::AgentId x = start[h]; x < start[h + 1]; ++x)
      if (people.traits[x] & kHouseholdHead) return x;
    return static_cast<sim::AgentId>(start[h]);
  };
  // A random adult of h other than its head, or the head when it has no other adult.
  auto other_adult = [&](std::uint32_t h, double u) {
    std::vector<sim::AgentId> adults;
    const sim::AgentId hd = head(h);
    for (sim::AgentId x = start[h]; x < start[h + 1]; ++x)
      if (x != hd && people.age[x] >= 16) adults.push_back(x);
    if (adults.empty()) return hd;
    return adults[std::min<std::size_t>(adults.size() - 1, u * adults.size())];
  };
  for (const auto& [a, b] : pairs) {
    add(head(a), head(b), kKin);
    const auto ida = static_cast<std::uint32_t>(people.original_id[start[a]] / 100);
    const auto idb = static_cast<std::uint32_t>(people.original_id[start[b]] / 100);
    const auto w = rng.words(1, ida, idb);
    const double u0 = (w[0] + 0.5) / 4294967296.0;
    if (u0 >= extra) continue;
    const sim::AgentId x = other_adult(a, (w[1] + 0.5) / 4294967296.0);
    const sim::AgentId y = other_adult(b, (w[2] + 0.5) / 4294967296.0);
    if (x == head(a) && y == head(b)) continue;  // only the heads are adults: already tied
    add(x, y, kFriend);
  }
  label_community_ties(people, out);
  return out;
}

NetworkSource villages_source() {
  NetworkSource s{"villages",
                  "people in the households of a real household network (Banerjee et al. 2013 "
                  "Karnataka villages)",
                  villages_params(), nullptr};
  s.tie_people = [](const People& people, const sim::ParamSet& p, const SourceContext& ctx) {
    return village_ties(people, p, ctx.scenario_path, ctx.seed, ctx.replicate);
  };
  return s;
}

}  // namespace wellsim::models
