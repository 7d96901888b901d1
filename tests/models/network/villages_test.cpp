#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "models/community/layers.hpp"
#include "models/network/villages.hpp"
#include "models/population/village_households.hpp"
#include "sim/errors.hpp"
#include "tests/models/population/population_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

const std::string kDir = "banerjee_karnataka_villages/";

sim::ParamSet population(const std::string& households, const std::string& ties = "") {
  return test::defaults(models::village_population_params(),
                        {{"households", households}, {"ties", ties}});
}

sim::ParamSet network(const std::string& path) {
  return test::defaults(models::villages_params(), {{"path", path}});
}

}  // namespace

TEST_CASE("village people live in the survey's households", "[models][population]") {
  const std::string csv = test::shared_data(kDir + "microfi_households.csv");
  const std::string edges = test::shared_data(kDir + "microfi_edges.txt");
  if (csv.empty() || edges.empty()) {
    WARN("shared data absent: village test skipped");
    return;
  }
  const models::People p = models::village_people(population(csv), "v.toml", 1, 0);
  REQUIRE(p.households() == 8622);
  REQUIRE(p.neighbourhood_names.size() == 38);
  REQUIRE(p.neighbourhood_names.front() == "village 1");
  REQUIRE(p.neighbourhood_names.back() == "village 75");
  REQUIRE(std::is_sorted(p.neighbourhood.begin(), p.neighbourhood.end()));
  const auto start = p.household_starts();
  std::size_t minority = 0, owners = 0, social = 0, rented = 0;
  for (std::size_t h = 0; h + 1 < start.size(); ++h) {
    const std::int64_t hh = p.original_id[start[h]] / 100;
    for (auto i = start[h]; i < start[h + 1]; ++i) {
      REQUIRE(p.original_id[i] == hh * 100 + (i - start[h]));
      REQUIRE((p.traits[i] & models::kMinority) == (p.traits[start[h]] & models::kMinority));
    }
    REQUIRE((p.traits[start[h]] & models::kHouseholdHead));
    minority += (p.traits[start[h]] & models::kMinority) != 0;
    owners += p.tenure[start[h]] == 0, social += p.tenure[start[h]] == 1;
    rented += p.tenure[start[h]] == 2;
  }
  // README: islam 430 and christian 7 households; OWNED 7834 + SHARE_OWNED 76, GOVERNMENT 263,
  // RENTED 434 + LEASED 15.
  REQUIRE(minority == 437);
  REQUIRE(owners == 7910);
  REQUIRE(social == 263);
  REQUIRE(rented == 449);
  // Household 1001 is Hindu, 1002 too; mean size near the NFHS-5 4.5.
  const double mean_size = static_cast<double>(p.size()) / p.households();
  REQUIRE(std::abs(mean_size - 4.51) < 5 * 1.9 / std::sqrt(8622.0));

  // With the edge list, the 9 households named only there get default households.
  const models::People all = models::village_people(population(csv, edges), "v.toml", 1, 0);
  REQUIRE(all.households() == 8631);
  // Draws are keyed by household id: the survey's households are the same people.
  REQUIRE(std::count(all.original_id.begin(), all.original_id.end(), 100100) == 1);
  REQUIRE(std::equal(p.age.begin(), p.age.begin() + 100, all.age.begin()));
}

TEST_CASE("village household ties become kin ties between heads", "[models][network]") {
  const std::string csv = test::shared_data(kDir + "microfi_households.csv");
  const std::string edges = test::shared_data(kDir + "microfi_edges.txt");
  if (csv.empty() || edges.empty()) {
    WARN("shared data absent: village test skipped");
    return;
  }
  const models::People p = models::village_people(population(csv, edges), "v.toml", 1, 0);
  const sim::EdgeList e = models::village_ties(p, network(edges), "v.toml", 1, 0);
  REQUIRE(e.n == p.size());
  REQUIRE(e.layer_names.size() == models::kLayerCount);
  REQUIRE(e.group == p.neighbourhood);
  std::set<std::pair<std::int64_t, std::int64_t>> kin;
  std::size_t friends = 0;
  for (std::size_t t = 0; t < e.u.size(); ++t) {
    REQUIRE(e.u[t] != e.v[t]);
    if (e.layer[t] == models::kKin) {
      REQUIRE((p.traits[e.u[t]] & models::kHouseholdHead));
      REQUIRE((p.traits[e.v[t]] & models::kHouseholdHead));
      auto a = p.original_id[e.u[t]] / 100, b = p.original_id[e.v[t]] / 100;
      REQUIRE(kin.insert({std::min(a, b), std::max(a, b)}).second);
    }
    friends += e.layer[t] == models::kFriend;
  }
  // README: 40,178 undirected ties, first line "1002  1001".
  REQUIRE(kin.size() == 40178);
  REQUIRE(kin.count({1001, 1002}));
  REQUIRE(friends > 0);
  REQUIRE(friends < kin.size());
  // Without the extra households, ties to the 9 unknown ids are dropped, nothing crashes.
  const models::People known = models::village_people(population(csv), "v.toml", 1, 0);
  const sim::EdgeList k = models::village_ties(known, network(edges), "v.toml", 1, 0);
  const auto kept = std::count(k.layer.begin(), k.layer.end(), std::uint8_t{models::kKin});
  REQUIRE(kept < 40178);
  REQUIRE(kept > 40100);
  // Deterministic.
  const sim::EdgeList again = models::village_ties(p, network(edges), "v.toml", 1, 0);
  REQUIRE(again.u == e.u);
  REQUIRE(again.v == e.v);
}

TEST_CASE("village files with bad lines name file and line", "[models][population]") {
  using Catch::Matchers::Contains;
  test::TempDir dir("villages");
  const std::string header =
      "loan,hh,village,religion,roof,rooms,beds,electricity,ownership,leader\n";
  const std::string good = "0,1001,1,hindu,tile,3,4,0,OWNED,0\n";
  auto people = [&](const std::string& text) {
    return models::village_people(population(dir.write("h.csv", text)), "v.toml", 1, 0);
  };
  REQUIRE(people(header + good).size() >= 1);
  REQUIRE_THROWS_WITH(people(header + good + "0,1002,1,hindu,tile,3\n"),
                      Contains("h.csv:3: expected 10 comma-separated fields"));
  REQUIRE_THROWS_WITH(people(header + good + "0,1002,1,hindu,tile,three,4,0,OWNED,0\n"),
                      Contains("h.csv:3: column rooms: expected a whole number from 0 to 1000, "
                               "found 'three'"));
  REQUIRE_THROWS_WITH(people(header + "0,1002,1,hindu,tile,3,4,0,BORROWED,0\n"),
                      Contains("h.csv:2: column ownership: expected OWNED"));
  REQUIRE_THROWS_WITH(people(header + good + good), Contains("h.csv:3: column hh: household 1001 "
                                                             "is listed twice"));
  REQUIRE_THROWS_WITH(people("hh,village\n" + good), Contains("h.csv:1: expected the header"));
  REQUIRE_THROWS_AS(people(header + good + "x\n"), sim::InputError);
  sim::ParamSet bad = population(dir.write("ok.csv", header + good));
  bad.set("household_size_shares", std::vector<double>{0.5, 0.6});
  REQUIRE_THROWS_WITH(models::village_people(bad, "v.toml", 1, 0),
                      Contains("v.toml: population.household_size_shares: expected shares "
                               "summing to 1, found a sum of 1.1"));
  const models::People one = people(header + good);
  REQUIRE_THROWS_WITH(
      models::village_ties(one, network(dir.write("e.txt", "1001 1002\n1001 x\n")), "v.toml", 1, 0),
      Contains("e.txt:2: expected two household ids, found '1001 x'"));
  REQUIRE_THROWS_WITH(models::read_household_ties(dir.write("e3.txt", "1001 1002 1003\n")),
                      Contains("e3.txt:1: expected two household ids"));
}
