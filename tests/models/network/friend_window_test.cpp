// The friend window (network.friend_window): friends of an age are drawn near the chooser's own
// place in a neighbourhood. What must hold: a window wider than a town's age groups draws the
// very ties it drew before the window existed; a narrow one keeps every count and share of the
// friendship layers (degrees, the local share, age homophily) within sampling error while making
// ties short in index; and either way the ties do not depend on the thread count.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "models/community/layers.hpp"
#include "models/network/town.hpp"
#include "models/population/census.hpp"
#include "tests/models/population/population_fixture.hpp"

using namespace wellsim;

namespace {

models::People town(double per_neighbourhood) {
  sim::ParamSet c = test::defaults(models::census_params(), {});
  c.set("sizes", std::vector<double>(5, per_neighbourhood));
  return models::synthesise_census(c, 3, 0);
}

/// 4,000 people a neighbourhood (the default town's size): no age year reaches 129 people.
const models::People& town_of_20k() {
  static const models::People p = town(4000);
  return p;
}

/// 20,000 a neighbourhood: about 235 people an age, so the default window (129) is narrower.
const models::People& town_of_100k() {
  static const models::People p = town(20000);
  return p;
}

sim::EdgeList ties_with_window(const models::People& people, std::int64_t window) {
  sim::ParamSet p = test::defaults(models::town_params(), {});
  p.set("friend_window", window);
  return models::town_ties(people, p, 5, 0);
}

/// What the friendship layers look like: mean degree per person 5+, local share, mean absolute
/// age gap, and the share of local ties whose ends are within a tenth of a neighbourhood
/// (2,000 places) of each other.
struct FriendStats {
  double degree = 0, local = 0, age_gap = 0, near = 0, ties = 0, local_ties = 0;
};

FriendStats friend_stats(const sim::EdgeList& e, int layer) {
  const auto& p = town_of_100k();
  FriendStats s;
  double people = 0;
  for (std::size_t i = 0; i < p.size(); ++i) people += p.age[i] >= 5;
  for (std::size_t t = 0; t < e.u.size(); ++t) {
    if (e.layer[t] != layer) continue;
    const auto a = e.u[t], b = e.v[t];
    s.ties += 1;
    s.age_gap += std::abs(p.age[a] - p.age[b]);
    if (p.neighbourhood[a] != p.neighbourhood[b]) continue;
    s.local_ties += 1;
    s.near += (a > b ? a - b : b - a) < 2000;
  }
  s.degree = 2 * s.ties / people;
  s.local = s.local_ties / s.ties;
  s.age_gap /= s.ties;
  s.near /= s.local_ties;
  return s;
}

}  // namespace

TEST_CASE("a friend window wider than every age group draws the ties drawn without one",
          "[models][network]") {
  // No age year reaches 2 x 64 + 1 = 129 people, so the default window leaves every draw of
  // the town as it was; a window of 0 is the whole neighbourhood.
  const sim::EdgeList a = ties_with_window(town_of_20k(), 64),
                      b = ties_with_window(town_of_20k(), 0);
  REQUIRE(a.u == b.u);
  REQUIRE(a.v == b.v);
  REQUIRE(a.layer == b.layer);
}

TEST_CASE("a friend window keeps friendship counts and shares but shortens ties",
          "[models][network][large]") {
  // 16 people an age on either side: a seventh of an age year here, as 64 is a twentieth of one
  // in the million-person benchmark town.
  const sim::EdgeList wide = ties_with_window(town_of_100k(), 0),
                      narrow = ties_with_window(town_of_100k(), 16);
  for (int layer : {int{models::kCloseFriend}, int{models::kFriend}}) {
    const FriendStats w = friend_stats(wide, layer), n = friend_stats(narrow, layer);
    INFO("layer " << layer << ": degree " << w.degree << " -> " << n.degree << ", local " << w.local
                  << " -> " << n.local << ", age gap " << w.age_gap << " -> " << n.age_gap
                  << ", within 2000 places " << w.near << " -> " << n.near);
    // Degrees lose only repeats (a pair drawn twice), which 33 people an age make a little
    // likelier than 235: within 2% of the town's.
    CHECK(std::abs(n.degree - w.degree) < 0.02 * w.degree);
    // The local share is each tie's Bernoulli(friend_local) choice, untouched: 5 SE.
    CHECK(std::abs(n.local - w.local) < 5 * std::sqrt(0.7 * 0.3 / n.ties));
    // The age is drawn as before; the gap's SD is about 4 years (5 for children's 1): 5 SE.
    CHECK(std::abs(n.age_gap - w.age_gap) < 5 * 4.0 / std::sqrt(n.ties));
    // Near in index: without a window about 2 x 2,000 / 20,000 of local ties, with one nearly
    // all (the window spans about +-16 x 85 places; it wraps round at a neighbourhood's ends).
    CHECK(w.near < 0.25);
    CHECK(n.near > 0.8);
  }
}

TEST_CASE("a narrow friend window draws the same ties on any number of threads",
          "[models][network]") {
  const sim::EdgeList a = ties_with_window(town_of_20k(), 3);
  sim::EdgeList b;
  {
    tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    b = ties_with_window(town_of_20k(), 3);
  }
  REQUIRE(a.u == b.u);
  REQUIRE(a.v == b.v);
  REQUIRE(a.layer == b.layer);
}
