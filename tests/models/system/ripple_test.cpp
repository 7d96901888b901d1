// The ripple: untreated household members and friends of the people a service helps gain
// relative to their paired baseline selves, less with every step of network distance.
#include <catch2/catch.hpp>

#include <cmath>

#include "tests/models/system/paired_runs.hpp"
#include "tests/town_toml.hpp"

using namespace wellsim;

TEST_CASE("untreated people near recipients gain less with every hop", "[models][system]") {
  const std::string town = test::town_toml(7, 40, {"North", "South"}, {3000, 3000});
  const std::string policy = test::intervention("income_maximisation", "advice",
                                                {{"start_week", "5"},
                                                 {"capacity", "40"},
                                                 {"duration_weeks", "52"},
                                                 {"success_rate", "1.0"},
                                                 {"weekly_gain", "150.0"}});
  const auto base = test::run_scenario_text(town);
  const auto treated = test::run_scenario_text(town + policy);
  const auto recipients = treated.agents_with("intervention/advice/start");
  REQUIRE(recipients.size() >= 30);
  const auto dist = test::distances_from(treated.network, recipients);
  const std::size_t last = treated.wellbeing.size() - 1;
  // Mean paired difference and its standard error by distance 0, 1, 2, 3.
  double sum[4] = {}, sumsq[4] = {}, n[4] = {};
  for (std::size_t i = 0; i < dist.size(); ++i) {
    if (dist[i] > 3) continue;  // (few people are further: the town is a small world)
    const double d = treated.wellbeing[last][i] - base.wellbeing[last][i];
    sum[dist[i]] += d, sumsq[dist[i]] += d * d, n[dist[i]] += 1;
  }
  double mean[4], se[4];
  for (int k = 0; k < 4; ++k) {
    INFO("distance " << k << ": " << n[k] << " people");
    REQUIRE(n[k] > 30);
    mean[k] = sum[k] / n[k];
    se[k] = std::sqrt(std::max(0.0, sumsq[k] / n[k] - mean[k] * mean[k]) / n[k]);
    INFO("distance " << k << ": " << n[k] << " people, mean gain " << mean[k] << " (SE " << se[k]
                     << ")");
    CHECK(mean[k] > 0);
  }
  // Direct gain > one hop > two hops > three hops, each by more than 3 standard errors of the
  // difference.
  for (int k = 0; k < 3; ++k)
    CHECK(mean[k] - mean[k + 1] > 3 * std::sqrt(se[k] * se[k] + se[k + 1] * se[k + 1]));
}
