// Children in need ([family], models/life/children_in_need.cpp): the calibrated count holds, only
// children living with domestic abuse are assessed, the count changes no other figure of a run,
// and it is the same on any thread count.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "models/community/vocabulary.hpp"
#include "models/life/children_in_need.hpp"
#include "sim/series_names.hpp"
#include "tests/models/life/town_fixture.hpp"
#include "tests/models/system/paired_runs.hpp"
#include "tests/test_support.hpp"
#include "tests/town_toml.hpp"

using namespace wellsim;

namespace {

const std::string kNeedTown =
    test::town_toml(2024, 104, {"North", "South"}, {4000, 4000}) + "[family]\nenabled = true\n";

/// n children aged 0-17 in households of one, every `exposed_every`-th under-16 living with
/// domestic abuse for good, and the mechanism over them.
struct Children {
  sim::Network net;
  sim::AgentStore agents;
  std::shared_ptr<models::World> world = std::make_shared<models::World>();
  sim::Ledger ledger;
  std::unique_ptr<models::ChildrenInNeed> cin;
  std::size_t exposed = 0;

  Children(std::size_t n, std::size_t exposed_every) {
    agents.resize(n);
    agents.resize_people(n);
    world->household_start.resize(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
      agents.age[i] = static_cast<std::uint8_t>(i % 18);
      agents.household[i] = static_cast<std::uint32_t>(i);
      world->household_start[i + 1] = static_cast<std::uint32_t>(i + 1);
      if (agents.age[i] < 16 && i % exposed_every == 0) {
        agents.domains[i] = models::kDomesticAbuse;
        ++exposed;
      }
    }
    cin = std::make_unique<models::ChildrenInNeed>(test::defaults(models::family_params()), world,
                                                   17, 0);
    cin->prepare(net, agents, ledger);
  }
  double step(std::uint32_t t) {
    ledger.begin_step();
    sim::StepContext ctx{t, net, agents, 17, 0, ledger};
    cin->run(sim::Phase::LifeEvents, ctx);
    return ledger.values().back();
  }
};

}  // namespace

TEST_CASE("children in need hold the DfE count while abuse lasts, and only abused children enter",
          "[models][life][family][large]") {
  // 180,000 children, 1 in 20 of those under 16 living with abuse for the whole run. The count C
  // in a week is near a sum of independent Bernoullis around 170 per 10,000 (3,060 children):
  // its SD is at most sqrt(3,060) = 55 children = 3.1 per 10,000; a mean of weeks adds no more.
  Children c(180000, 20);
  REQUIRE(c.exposed > 0);
  const double sd = 10000.0 * std::sqrt(170e-4 * 180000) / 180000;
  CHECK(c.ledger.values().back() == Approx(170).margin(5 * sd));
  double sum = 0;
  int weeks = 0;
  for (std::uint32_t t = 1; t <= 260; ++t) {
    const double v = c.step(t);
    if (t > 130) sum += v, ++weeks;  // five times the mean time in need: the start forgotten
  }
  CHECK(sum / weeks == Approx(170).margin(5 * sd));
  for (std::uint32_t i = 0; i < c.agents.size(); ++i)
    if (c.cin->in_need(i)) {
      INFO("child " << i);
      REQUIRE((c.agents.domains[i] & models::kDomesticAbuse) != 0);
    }
}

TEST_CASE("a child in need stops being one at 18 or on leaving the town",
          "[models][life][family]") {
  Children c(18000, 1);  // every under-16 exposed: many in need
  std::uint32_t someone = 0;
  while (!c.cin->in_need(someone)) ++someone;
  c.agents.age[someone] = 18;
  std::uint32_t other = someone + 1;
  while (!c.cin->in_need(other)) ++other;
  c.agents.present.assign(c.agents.size(), 1);
  c.agents.present[other] = 0;
  c.step(1);
  CHECK_FALSE(c.cin->in_need(someone));
  CHECK_FALSE(c.cin->in_need(other));
}

TEST_CASE("the children-in-need count changes no other figure of a run", "[models][system]") {
  const auto with = test::run_scenario_text(kNeedTown);
  const auto without = test::run_scenario_text(kNeedTown + "in_need_per_10k = 0\n");
  const auto count = with.series_of(sim::series::kChildrenInNeed);
  REQUIRE(count.size() == 105);
  // 8,000 people hold about 1,650 under 18: the target is about 28 children.
  CHECK(count.front() > 100);
  CHECK(*std::max_element(count.begin(), count.end()) < 600);
  for (double v : without.series_of(sim::series::kChildrenInNeed)) CHECK(v == 0);
  CHECK(with.wellbeing == without.wellbeing);
  CHECK(with.domains == without.domains);
  REQUIRE(with.series_names == without.series_names);
  for (std::size_t k = 0; k < with.series_names.size(); ++k) {
    if (with.series_names[k] == sim::series::kChildrenInNeed) continue;
    INFO(with.series_names[k]);
    for (std::size_t w = 0; w < with.series.size(); ++w)
      CHECK(with.series[w][k] == without.series[w][k]);
  }
}

TEST_CASE("the children-in-need count is the same on 1 and 2 threads", "[models][system]") {
  const auto& name = sim::series::kChildrenInNeed;
  CHECK(test::run_scenario_text(kNeedTown, 1).series_of(name) ==
        test::run_scenario_text(kNeedTown, 2).series_of(name));
}
