#include "tests/models/system/paired_runs.hpp"

#include <tbb/global_control.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <stdexcept>

#include "models/assemble.hpp"
#include "sim/scenario.hpp"
#include "tests/test_support.hpp"

namespace wellsim::test {

void RunRecord::on_start(const sim::Network& net, const sim::AgentStore& a, const sim::Ledger& l) {
  network = net;
  household = a.household;
  age = a.age, activity0 = a.activity, traits0 = a.traits;
  kinds = l.event_kinds();
  series_names = l.series_names();
  on_step(0, a, l);
}

void RunRecord::on_step(std::uint32_t, const sim::AgentStore& a, const sim::Ledger& l) {
  wellbeing.push_back(a.wellbeing);
  domains.push_back(a.domains);
  events.insert(events.end(), l.events().begin(), l.events().end());
  series.push_back(l.values());
  if (!a.present.empty())
    present.push_back(a.present), ages.push_back(a.age), traits.push_back(a.traits);
}

std::uint16_t RunRecord::kind(const std::string& name) const {
  auto it = std::find(kinds.begin(), kinds.end(), name);
  if (it == kinds.end()) throw std::invalid_argument("no event kind " + name);
  return static_cast<std::uint16_t>(it - kinds.begin());
}

std::vector<std::uint32_t> RunRecord::agents_with(const std::string& kind_name) const {
  const std::uint16_t k = kind(kind_name);
  std::vector<std::uint32_t> out;
  for (const auto& e : events)
    if (e.kind == k) out.push_back(e.agent);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<double> RunRecord::series_of(const std::string& name) const {
  auto it = std::find(series_names.begin(), series_names.end(), name);
  if (it == series_names.end()) throw std::invalid_argument("no series " + name);
  std::vector<double> out;
  for (const auto& row : series) out.push_back(row[it - series_names.begin()]);
  return out;
}

RunRecord run_scenario_text(const std::string& text) {
  const auto& schema = models::scenario_schema();
  const std::string dir = source_path("scenarios");
  sim::Scenario sc = sim::parse_scenario(text, dir + "/test.toml", dir, schema);
  const auto& run = sc.table("run");
  auto built = models::assemble(sc, static_cast<std::uint64_t>(run.integer("seed")), 0);
  RunRecord rec;
  built.engine->run(static_cast<std::uint32_t>(run.integer("steps")), &rec);
  return rec;
}

RunRecord run_scenario_text(const std::string& text, int threads) {
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism,
                         static_cast<std::size_t>(threads));
  return run_scenario_text(text);
}

std::string karnataka_villages(int seed, int steps) {
  if (shared_data("banerjee_karnataka_villages/microfi_households.csv").empty()) return "";
  const std::string data = "../../shared/data/banerjee_karnataka_villages/";
  return "[run]\nmodel = \"villages\"\nseed = " + std::to_string(seed) +
         "\nsteps = " + std::to_string(steps) + "\n[population]\nhouseholds = \"" + data +
         "microfi_households.csv\"\nties = \"" + data +
         "microfi_edges.txt\"\n[network]\npath = \"" + data + "microfi_edges.txt\"\n";
}

std::optional<VillageHubPair> village_hub_pair(const std::string& tables) {
  const std::string villages = karnataka_villages(2013, 30);
  if (villages.empty()) return std::nullopt;
  const std::string hub = R"(
[[intervention]]
type = "community_hub"
name = "hub"
start_week = 5
capacity = 60
target = { neighbourhoods = ["village 1"] }
)";
  // [network] closes the villages text, so the other tables follow it.
  return VillageHubPair{run_scenario_text(villages + tables),
                        run_scenario_text(villages + tables + hub)};
}

void check_hub_reach(const RunRecord& base, const RunRecord& policy) {
  const auto recipients = policy.agents_with("intervention/hub/start");
  REQUIRE_FALSE(recipients.empty());
  const Reach reach = compare_unreachable(base, policy, recipients);
  CHECK(reach.first_difference == "");
  CHECK(reach.unreachable > 30000);
  CHECK(reach.reached_changed > 10);
}

Reach compare_unreachable(const RunRecord& base, const RunRecord& policy,
                          const std::vector<std::uint32_t>& sources) {
  Reach r;
  const auto dist = distances_from(policy.network, sources);
  const std::size_t last = policy.wellbeing.size() - 1;
  for (std::size_t i = 0; i < dist.size(); ++i) {
    if (dist[i] != ~0u) {
      r.reached_changed += policy.wellbeing[last][i] != base.wellbeing[last][i];
      continue;
    }
    ++r.unreachable;
    for (std::size_t s = 0; s <= last && r.first_difference.empty(); ++s)
      if (policy.wellbeing[s][i] != base.wellbeing[s][i] ||
          policy.domains[s][i] != base.domains[s][i])
        r.first_difference = "agent " + std::to_string(i) + " differs at week " + std::to_string(s);
  }
  return r;
}

ServedGap check_served_gap(const RunRecord& base, const RunRecord& policy,
                           const std::set<std::uint32_t>& served, std::uint32_t bit, float effect,
                           float alpha) {
  ServedGap out;
  const std::size_t last = base.wellbeing.size() - 1;
  for (std::size_t i = 0; i < base.age.size(); ++i) {
    if (!served.count(base.household[i])) {
      for (std::size_t w = 0; w <= last; ++w)
        if (policy.wellbeing[w][i] != base.wellbeing[w][i] ||
            policy.domains[w][i] != base.domains[w][i])
          FAIL("agent " << i << " is in no served household but differs at week " << w);
      continue;
    }
    bool inside = true;  // the reported value never touched an end of the scale
    for (std::size_t w = 0; w <= last; ++w)
      for (float x : {base.wellbeing[w][i], policy.wellbeing[w][i]}) inside &= x > 0 && x < 10;
    if (!inside) continue;
    double gap = 0;
    for (std::size_t w = 1; w <= last; ++w) {
      const std::uint32_t differ = base.domains[w][i] ^ policy.domains[w][i];
      REQUIRE((differ & ~bit) == 0);  // only the policy's domain may differ
      const int bit_base = (base.domains[w][i] & bit) != 0;
      const int bit_policy = (policy.domains[w][i] & bit) != 0;
      gap += alpha * (effect * (bit_policy - bit_base) - gap);
      INFO("agent " << i << " week " << w);
      REQUIRE(policy.wellbeing[w][i] - base.wellbeing[w][i] == Approx(gap).margin(2e-4));
    }
    ++out.checked;
    out.gained += gap > 0.01;
    out.children_gained += gap > 0.01 && base.age[i] < 16;
  }
  return out;
}

std::vector<std::uint32_t> distances_from(const sim::Network& net,
                                          const std::vector<std::uint32_t>& sources) {
  std::vector<std::uint32_t> dist(net.size(), ~0u);
  std::deque<std::uint32_t> queue;
  for (auto s : sources) dist[s] = 0, queue.push_back(s);
  while (!queue.empty()) {
    const auto v = queue.front();
    queue.pop_front();
    for (auto w : net.neighbours_of(v))
      if (dist[w] == ~0u) dist[w] = dist[v] + 1, queue.push_back(w);
  }
  return dist;
}

}  // namespace wellsim::test
