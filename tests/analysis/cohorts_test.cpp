// The cohort table of `compare` and the per-person tables with people who died: hand-made runs
// whose answers are worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "analysis/comparison.hpp"
#include "tests/analysis/analysis_fixture.hpp"

using namespace wellsim;

namespace {

/// Four people aged 5, 10, 40 and 70 at week 0, eight weeks, two paired replicates alike. The
/// baseline holds everyone at 6. The policy lifts child 0 to 7 in weeks 1-4, child 1 to 6.5 in
/// every week, and the 70-year-old to 8 in weeks 1-2; the 70-year-old dies at week 3 in both
/// arms, and their row stays at its last value (8 in the policy) for the rest of the run.
analysis::PolicyComparison cohort_comparison(const test::TempDir& dir) {
  std::vector<std::string> base, pol;
  for (std::uint32_t r = 0; r < 2; ++r) {
    test::FakeRun b;
    b.replicate = r;
    b.ages = {5, 10, 40, 70};
    b.wellbeing = test::flat(8, 4, 6.0f);
    b.event_kinds = {"death", "intervention/grant/start"};
    b.events = {{3, 3, sim::kNoAgent, 0, 0}};
    b.series["population/present"] = {4, 4, 4, 3, 3, 3, 3, 3, 3};
    base.push_back(dir.file("b" + std::to_string(r) + ".h5"));
    test::write_fake(base.back(), b);
    test::FakeRun p = b;
    p.name = "policy";
    p.interventions = {"grant"};
    p.events.push_back({1, 0, sim::kNoAgent, 1, 0});
    for (std::size_t s = 1; s <= 8; ++s) {
      p.wellbeing[s][0] = s <= 4 ? 7.0f : 6.0f;
      p.wellbeing[s][1] = 6.5f;
      p.wellbeing[s][3] = 8.0f;  // frozen at 8 after the death, as a run file keeps it
    }
    pol.push_back(dir.file("p" + std::to_string(r) + ".h5"));
    test::write_fake(pol.back(), p);
  }
  analysis::CompareOptions opt;
  opt.cohort_period_weeks = 4;
  return analysis::compare(analysis::load_run_set(base), analysis::load_run_set(pol), opt);
}

}  // namespace

TEST_CASE("the cohort table follows the children of week 0 by period over person-weeks present",
          "[analysis]") {
  test::TempDir dir("cohorts");
  const auto c = cohort_comparison(dir);
  REQUIRE(c.cohorts.size() == 4);
  CHECK(c.cohort_every == 1);
  const auto& kids1 = c.cohorts[0];
  CHECK(kids1.cohort == "children at the start (0-15)");
  CHECK(kids1.first_week == 1);
  CHECK(kids1.last_week == 4);
  CHECK(kids1.people == Approx(2));
  CHECK(kids1.baseline == Approx(6));
  CHECK(kids1.effect.mean == Approx(0.75));  // (1 + 0.5) / 2
  CHECK(kids1.wellbys.mean == Approx(4 * 1.5 / 52.0));
  const auto& kids2 = c.cohorts[1];
  CHECK(kids2.first_week == 5);
  CHECK(kids2.last_week == 8);
  CHECK(kids2.effect.mean == Approx(0.25));  // child 0 is back at 6
  CHECK(kids2.wellbys.mean == Approx(4 * 0.5 / 52.0));
  // Everyone else, weeks 1-4: the 40-year-old for 4 weeks at +0 and the 70-year-old for the 2
  // weeks before their death at +2: 4 points over 6 person-weeks, 1.5 people a week.
  const auto& adults1 = c.cohorts[2];
  CHECK(adults1.cohort == "everyone else (16+ at the start)");
  CHECK(adults1.people == Approx(1.5));
  CHECK(adults1.effect.mean == Approx(4.0 / 6));
  CHECK(adults1.wellbys.mean == Approx(4.0 / 52));
  // Weeks 5-8: the dead person's frozen 8 does not count.
  CHECK(c.cohorts[3].people == Approx(1));
  CHECK(c.cohorts[3].effect.mean == Approx(0).margin(1e-12));
  CHECK(c.cohorts[3].wellbys.mean == Approx(0).margin(1e-12));
  // Over both cohorts and both periods the WELLBYs are the headline's (every week recorded).
  double total = 0;
  for (const auto& r : c.cohorts) total += r.wellbys.mean;
  CHECK(total == Approx(c.wellbys.mean));
  CHECK(c.wellbys.mean == Approx(12.0 / 52));
}

TEST_CASE(
    "the cohort table has one period when the run is shorter than one, and none without "
    "people",
    "[analysis]") {
  test::TempDir dir("cohorts-short");
  auto c = cohort_comparison(dir);
  CHECK(analysis::period_label(1, 260) == "years 1-5");
  CHECK(analysis::period_label(261, 312) == "year 6");
  CHECK(analysis::period_label(1, 8) == "weeks 1-8");
  std::vector<std::string> base, pol;
  for (std::uint32_t r = 0; r < 2; ++r) {
    base.push_back(dir.file("b" + std::to_string(r) + ".h5"));
    pol.push_back(dir.file("p" + std::to_string(r) + ".h5"));
  }
  const auto b = analysis::load_run_set(base), p = analysis::load_run_set(pol);
  const auto whole = analysis::compare(b, p, {});  // 260-week periods, an 8-week run
  REQUIRE(whole.cohorts.size() == 2);
  CHECK(whole.cohorts[0].first_week == 1);
  CHECK(whole.cohorts[0].last_week == 8);
  CHECK(whole.cohorts[0].effect.mean == Approx(0.5));  // (4·1 + 8·0.5) / 16 person-weeks
  test::TempDir other("cohorts-none");
  CHECK(test::grant_comparison(other).cohorts.empty());  // no /people: no ages to split by
}

TEST_CASE("compare's per-person tables leave out people who died instead of their last value",
          "[analysis]") {
  test::TempDir dir("cohorts-dead");
  const auto c = cohort_comparison(dir);
  REQUIRE(c.recorded_step == 8);
  // At week 8 the 70-year-old is gone: no 65+ group, nobody at 8 in the distribution, and the
  // ripple's total is child 1's +0.5 alone (their frozen +2 would make it 2.5).
  for (const auto& g : c.groups) CHECK_FALSE((g.split == "age band" && g.category == "65+"));
  CHECK(c.dist_policy[8] == 0);
  CHECK(c.dist_policy[6] == Approx(2.0 / 3));
  CHECK(c.total_points.mean == Approx(0.5));
  std::size_t people = 0;
  for (auto n : c.ring_people) people += static_cast<std::size_t>(n);
  CHECK(people == 3);
}
