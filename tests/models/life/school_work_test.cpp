// Ties through school and work ([demography], models/life/school_work.cpp) in isolation: a
// child turning 5 makes classmates and friends in the donors' numbers, among present pupils of
// their neighbourhood; a classmate tie ends when the first of the two becomes a student; a
// leaver's frozen school ties stop counting; an employed entrant makes colleagues; the ties are
// the same on any thread count and whatever a policy does to employment.
#include <tbb/global_control.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "models/life/life_params.hpp"
#include "models/life/support.hpp"
#include "tests/models/life/school_town.hpp"

using namespace wellsim;

namespace {

constexpr auto kChild = static_cast<std::uint8_t>(models::Activity::Child);
constexpr auto kStudent = static_cast<std::uint8_t>(models::Activity::Student);
constexpr auto kEmployed = static_cast<std::uint8_t>(models::Activity::Employed);
constexpr auto kUnemployed = static_cast<std::uint8_t>(models::Activity::Unemployed);

/// A tie made in week `step`, with what the test checks about its two people that week.
struct Made {
  std::uint32_t step;
  models::PeerTie tie;
  std::uint8_t age_a, age_b, activity_b, present_b;
};

/// Runs `weeks` weeks of `town` and lists every tie made.
std::vector<Made> run_weeks(test::Town& town, models::SchoolWork& sw, std::uint32_t weeks) {
  std::vector<Made> out;
  for (std::uint32_t t = 1; t <= weeks; ++t) {
    town.step(t);
    const auto& a = town.agents;
    for (const auto& tie : sw.made())
      out.push_back({t, tie, a.age[tie.a], a.age[tie.b], a.activity[tie.b], a.present[tie.b]});
  }
  return out;
}

/// Mean and standard deviation of the tie counts in `layer` of week-0 people `who` picks.
template <class Who>
std::pair<double, double> donor_mean(const sim::Network& net, std::size_t layer, Who&& who) {
  double n = 0, sum = 0, squares = 0;
  for (std::uint32_t i = 0; i < net.size(); ++i) {
    if (!who(i)) continue;
    double c = 0;
    for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k) c += net.layer[k] == layer;
    n += 1, sum += c, squares += c * c;
  }
  const double mean = sum / n;
  return {mean, std::sqrt(squares / n - mean * mean)};
}

/// Number of ties per newcomer in `layer`, over the newcomers `count` lists.
double per_newcomer(const std::vector<Made>& made, std::uint8_t layer, double newcomers) {
  double ties = 0;
  for (const Made& m : made) ties += m.tie.layer == layer;
  return ties / newcomers;
}

/// A year of `town` with the ties of school and work (`network`'s friendship keys): the week-0
/// ages, the ties made and the number of children who were 4 at week 0.
struct StartYear {
  std::vector<std::uint8_t> age0;
  std::vector<Made> made;
  double starters = 0;
  StartYear(test::Town& town, const sim::ParamSet& network) {
    auto* sw = test::add_school_work(town, test::quiet_demography(), network);
    town.prepare();
    age0 = town.agents.age;
    made = run_weeks(town, *sw, 52);
    for (std::uint32_t i = 0; i < town.agents.size(); ++i)
      starters += age0[i] == 4 && town.agents.activity[i] == kChild;
  }
};

}  // namespace

TEST_CASE("a child turning 5 makes classmates and friends among present pupils of their area",
          "[models][life][demography][school]") {
  auto town = test::school_town(12000);
  const StartYear year(town, sim::ParamSet{});
  const std::vector<std::uint8_t>& age0 = year.age0;
  const std::vector<Made>& made = year.made;
  const double starters = year.starters;
  REQUIRE(starters > 150);
  std::set<std::uint32_t> started;
  std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (const Made& m : made) {
    if (m.tie.layer == models::kWorkplace) continue;  // entrants (their own test)
    const auto [a, b] = std::pair{m.tie.a, m.tie.b};
    started.insert(a);
    CHECK(age0[a] == 4);
    CHECK(m.age_a == 5);
    CHECK(m.present_b == 1);
    CHECK(m.activity_b == kChild);
    CHECK(town.net.group[a] == town.net.group[b]);
    CHECK(m.age_b >= 5);
    CHECK(m.age_b <= 15);
    if (m.tie.layer == models::kSchool) CHECK(m.age_b == 5);       // a classmate of the same year
    CHECK(pairs.insert({std::min(a, b), std::max(a, b)}).second);  // no tie made twice
    const auto frozen = town.net.neighbours_of(a);
    CHECK(std::find(frozen.begin(), frozen.end(), b) == frozen.end());
  }
  CHECK(static_cast<double>(started.size()) >= 0.95 * starters);
  // Half a week-0 pupil's ties, layer by layer, within four standard errors (the donor draw;
  // the other half comes from the children who start after them).
  const auto& a = town.agents;
  const auto pupil = [&](std::uint32_t i) {
    return age0[i] >= 5 && age0[i] <= 15 && a.activity[i] == kChild;
  };
  for (const std::size_t layer : {models::kSchool, models::kCloseFriend, models::kFriend}) {
    const auto [mean, sd] = donor_mean(town.net, layer, pupil);
    INFO("layer " << models::kLayerNames[layer] << ": week-0 pupils' mean " << mean);
    CHECK(per_newcomer(made, static_cast<std::uint8_t>(layer), starters) ==
          Approx(mean / 2).margin(4 * (sd / 2 + 0.5) / std::sqrt(starters)));
  }
}

TEST_CASE("with the town's friendship keys a starter makes friends as the generator draws them",
          "[models][life][demography][school]") {
  // network.close_friends 4 and friends 10 with sociability_sd 0.9: a starter starts half of
  // each times a log-normal factor of mean 1, so 2 and 5 on average; the SD of the factor,
  // sqrt(e^0.81 - 1) = 1.02, sets the standard errors.
  sim::ParamSet network;
  network.set("close_friends", 4.0);
  network.set("friends", 10.0);
  network.set("sociability_sd", 0.9);
  auto town = test::school_town(12000);
  const StartYear year(town, network);
  const std::vector<Made>& made = year.made;
  const double starters = year.starters;
  const double cv = std::sqrt(std::exp(0.81) - 1);
  CHECK(per_newcomer(made, models::kCloseFriend, starters) ==
        Approx(2).margin(4 * (2 * cv + 0.5) / std::sqrt(starters)));
  CHECK(per_newcomer(made, models::kFriend, starters) ==
        Approx(5).margin(4 * (5 * cv + 0.5) / std::sqrt(starters)));
}

TEST_CASE("with starting_school off a child turning 5 makes no ties",
          "[models][life][demography][school]") {
  auto town = test::school_town(4000);
  auto* sw = test::add_school_work(town, test::quiet_demography({{"starting_school", false}}));
  town.prepare();
  const auto made = run_weeks(town, *sw, 52);
  for (const Made& m : made) CHECK(m.tie.layer == models::kWorkplace);
}

TEST_CASE("a classmate tie lasts until the first of the two becomes a student at 16",
          "[models][life][demography][school]") {
  auto town = test::school_town(3000);
  auto* sw = test::add_school_work(town, test::quiet_demography());
  town.prepare();
  const sim::RandomStream demography(town.seed, 0, "demography");
  std::size_t classmates = 0;
  for (const Made& m : run_weeks(town, *sw, 52)) {
    if (m.tie.layer != models::kSchool) {
      CHECK(m.tie.until == 0xFFFFFFFFu);  // friends and colleagues stay
      continue;
    }
    ++classmates;
    const std::uint32_t gone = m.tie.until + 1, t = m.step;
    CHECK(gone <= t + 11 * 52);  // the starter turns 16 eleven years on
    if (gone < t + 11 * 52) {    // else the classmate did first: their 16th birthday
      CHECK(gone % 52 == models::birthday_week(demography, town.agents, m.tie.b));
      CHECK(m.age_b + (gone - t + 51) / 52 == 16);
    }
  }
  CHECK(classmates > 20);
}

TEST_CASE("after eleven years the ended classmate ties are off the counts and out of the overlay",
          "[models][life][demography][school]") {
  auto town = test::school_town(2000);
  auto* sw = test::add_school_work(town, test::quiet_demography());
  town.prepare();
  const std::uint32_t weeks = 12 * 52;
  const auto made = run_weeks(town, *sw, weeks);
  town.world->overlay.publish(weeks + 1, town.agents.size());
  // Every tie made that is not a close friend and has not ended counts once for each person.
  std::vector<std::uint16_t> loose(town.agents.size(), 0);
  std::size_t ended = 0;
  for (const Made& m : made) {
    const bool over = m.tie.until < weeks;
    ended += over;
    if (m.tie.layer != models::kCloseFriend && !over) ++loose[m.tie.a], ++loose[m.tie.b];
  }
  CHECK(ended > 50);
  CHECK(town.world->loose_ties == loose);
  for (const auto& t : town.world->overlay.ties()) CHECK(t.until >= weeks + 1);
}

TEST_CASE("support counts a friend, classmate or colleague as a tie but not as a close one",
          "[models][life][school]") {
  models::FrozenTies f;
  f.close = {4}, f.outer = {1}, f.all = {5}, f.school = {3};
  models::TieOverlay o;
  o.add(0, 1, 1.f, 100), o.add(0, 2, 1.f, 100), o.add(0, 3, 1.f, 100);
  o.publish(1, 4);
  std::vector<std::uint16_t> loose = {2, 0, 0, 0};
  models::SupportRule rule{3, 7};
  CHECK(rule.support(f, o, 0) == 7);  // every overlay tie close: a programme's
  CHECK_FALSE(rule.lonely(f, o, 0, 30));
  rule.loose = &loose;
  CHECK(rule.support(f, o, 0) == 5);  // two of the three are friends, classmates or colleagues
  CHECK(rule.lonely(f, o, 0, 30));    // 1 outer + 1 programme tie < 3
  rule.support_below = 2;
  CHECK_FALSE(rule.lonely(f, o, 0, 30));  // 5 frozen + 3 overlay ties >= 7
  rule.school_ends = true;                // an adult's 3 school ties have ended: 2 + 3 < 7
  CHECK(rule.lonely(f, o, 0, 30));
  CHECK_FALSE(rule.lonely(f, o, 0, 15));  // children are not counted
}

TEST_CASE("a leaver's frozen school ties carry no influence; a pupil's still do",
          "[models][life][demography][school]") {
  // Two identical towns in which a classmate j of pupil i (tied to i by school alone) starts the
  // week at 0 in one and at 10 in the other. With i a student (left school), i's week must not
  // differ; with i still a child, it must.
  auto base = test::school_town(3000);
  std::uint32_t pi = 0, pj = 0;
  for (std::uint32_t i = 0; i < base.net.size() && pi == pj; ++i)
    for (auto k = base.net.offsets[i]; k < base.net.offsets[i + 1]; ++k) {
      const std::uint32_t j = base.net.neighbours[k];
      const auto row = base.net.neighbours_of(i);
      if (base.net.layer[k] == models::kSchool && std::count(row.begin(), row.end(), j) == 1) {
        pi = i, pj = j;
        break;
      }
    }
  REQUIRE(pi != pj);
  auto week_of_i = [&](bool left, float value) {
    auto town = test::school_town(3000);
    test::add_community(town, models::default_life_params(),
                        test::defaults(models::CommunityWellbeing::params()));
    town.prepare();
    town.agents.present.assign(town.agents.size(), 1);
    town.world->school_ties_end = true;
    if (left) town.agents.activity[pi] = kStudent;
    town.agents.wellbeing[pj] = value;
    town.step(1);
    return town.agents.wellbeing[pi];
  };
  CHECK(week_of_i(true, 0.f) == week_of_i(true, 10.f));
  CHECK(week_of_i(false, 0.f) != week_of_i(false, 10.f));
}

TEST_CASE("an employed entrant makes a week-0 worker's colleagues; an unemployed one none",
          "[models][life][demography][work]") {
  auto town = test::school_town(12000);
  auto* sw = test::add_school_work(town, test::quiet_demography());
  town.prepare();
  const std::vector<std::uint8_t> age0 = town.agents.age, activity0 = town.agents.activity;
  const auto made = run_weeks(town, *sw, 52);
  const auto& a = town.agents;
  double employed = 0, entrants = 0;
  for (std::uint32_t i = 0; i < a.size(); ++i)
    if (activity0[i] == kStudent && age0[i] == 20) {
      entrants += 1;
      employed += a.activity[i] == kEmployed;
    }
  REQUIRE(employed > 50);
  CHECK(employed / entrants == Approx(0.75).margin(4 * std::sqrt(0.75 * 0.25 / entrants)));
  for (const Made& m : made) {
    if (m.tie.layer != models::kWorkplace) continue;
    CHECK(activity0[m.tie.a] == kStudent);
    CHECK(a.activity[m.tie.a] == kEmployed);  // only the employed make colleagues
    CHECK(m.age_a == 21);
    CHECK((m.activity_b == kEmployed || m.activity_b == kUnemployed));
    CHECK(town.net.group[m.tie.a] == town.net.group[m.tie.b]);
  }
  const auto [mean, sd] = donor_mean(town.net, models::kWorkplace,
                                     [&](std::uint32_t i) { return activity0[i] == kEmployed; });
  CHECK(per_newcomer(made, models::kWorkplace, employed) ==
        Approx(mean).margin(4 * sd / std::sqrt(employed)));
}

TEST_CASE(
    "school and work ties are the same on one thread and on two, and whatever a policy "
    "does to employment",
    "[models][life][demography][school][determinism]") {
  // The 'policy' moves a third of the labour market between work and unemployment every week
  // after the ties are made, as job hazards under a policy would (the life events run after
  // them); no one's ties may change.
  struct Policy : sim::Mechanism {
    std::string name() const override { return "test.policy"; }
    sim::PhaseMask phases() const override { return sim::bit(sim::Phase::LifeEvents); }
    void run(sim::Phase, sim::StepContext& ctx) override {
      auto& act = ctx.agents.activity;
      for (std::size_t i = 0; i < act.size(); ++i)
        if ((i + ctx.step) % 3 == 0 && (act[i] == kEmployed || act[i] == kUnemployed))
          act[i] = act[i] == kEmployed ? kUnemployed : kEmployed;
    }
  };
  auto ties_of = [](int threads, bool policy) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    auto town = test::school_town(6000);
    auto* sw = test::add_school_work(town, test::quiet_demography());
    if (policy) town.mechanisms.push_back(std::make_unique<Policy>());
    town.prepare();
    std::vector<std::array<std::uint32_t, 4>> out;
    for (const Made& m : run_weeks(town, *sw, 52))
      out.push_back({m.step, m.tie.a, m.tie.b, m.tie.until});
    return out;
  };
  const auto one = ties_of(1, false);
  CHECK(one.size() > 500);
  CHECK(ties_of(2, false) == one);
  const auto with_policy = ties_of(2, true);
  CHECK(with_policy == one);
}
