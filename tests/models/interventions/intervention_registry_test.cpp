// Tests of intervention_registry (mirrors models/interventions/intervention_registry).
#include <catch2/catch.hpp>

#include <set>

#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;
using test::message_of;

TEST_CASE("registry declares every type once with its keys", "[models][interventions]") {
  std::set<std::string> names;
  for (const auto& t : models::intervention_types()) {
    CHECK(names.insert(t.name).second);
    CHECK(!t.help.empty());
    for (const auto& p : t.params) {
      CHECK(p.fallback.has_value());
      CHECK(!sim::find_spec(models::intervention_common_params(), p.name));
    }
    ServiceTown town(30);
    town.add(t.name);  // builds from defaults
    town.prepare();
    town.step(1);
  }
  CHECK(names.size() == 22);
  const auto* type = sim::find_spec(models::intervention_common_params(), "type");
  REQUIRE(type);
  CHECK(!type->fallback);
  CHECK(type->choices.size() == 22);
}

TEST_CASE("bad intervention input names file, line, key and the fix", "[models][interventions]") {
  ServiceTown town(30);
  CHECK(message_of([&] {
          town.add("food_bank", {{"target.neighbourhoods", V{std::vector<std::string>{"B", "X"}}}});
        }) ==
        "town.toml:10: intervention[1].target.neighbourhoods: unknown neighbourhood 'X'; "
        "known: A, B, C");
  const std::string filter = message_of([&] {
    town.add("food_bank", {{"target.filter", V{std::vector<std::string>{"rich"}}}});
  });
  CHECK_THAT(filter, Catch::StartsWith("town.toml:15: intervention[2].target.filter: unknown "
                                       "condition 'rich'; expected one of unemployed, employed"));
  CHECK_THAT(filter, Catch::Contains("age>=N"));
  CHECK_THAT(message_of([&] {
               town.add("food_bank", {{"target.filter", V{std::vector<std::string>{"age>=x"}}}});
             }),
             Catch::Contains("unknown condition 'age>=x'"));

  auto e = [](const std::string& type, std::map<std::string, V> keys, long line) {
    return ServiceTown::entry(type, keys, line);
  };
  CHECK(message_of([&] {
          models::check_interventions({e("food_bank", {}, 3), e("food_bank", {}, 9)}, "s.toml");
        }) ==
        "s.toml:9: intervention[2].name: duplicate intervention name 'food_bank' (also "
        "intervention[1] at s.toml:3); give each a distinct `name`");
  CHECK(message_of([&] {
          models::check_interventions(
              {e("food_bank", {}, 3),
               e("case_management", {{"name", V{std::string("food_bank")}}}, 8)},
              "s.toml");
        }) ==
        "s.toml:8: intervention[2].name: duplicate intervention name 'food_bank' (also "
        "intervention[1] at s.toml:3); give each a distinct `name`");
  CHECK(message_of([&] {
          models::check_interventions(
              {e("food_bank",
                 {{"start_week", V{std::int64_t{10}}}, {"end_week", V{std::int64_t{4}}}}, 5)},
              "s.toml");
        }) == "s.toml:5: intervention[1].end_week: expected a week >= start_week (10), found 4");
  CHECK_THAT(
      message_of([&] {
        models::check_interventions(
            {e("food_bank", {{"target.filter", V{std::vector<std::string>{"tenure=castle"}}}}, 4)},
            "s.toml");
      }),
      Catch::StartsWith("s.toml:4: intervention[1].target.filter: unknown condition "
                        "'tenure=castle'"));
  CHECK(message_of([&] {
          models::check_interventions({e("price_shock", {{"capacity", V{std::int64_t{5}}}}, 2)},
                                      "s.toml");
        }) ==
        "s.toml:2: intervention[1].capacity: expected 0 for the macro policy 'price_shock' "
        "(it has no participants), found 5");
  CHECK(message_of([&] {
          models::check_interventions(
              {e("legislation", {{"target.neighbourhoods", V{std::vector<std::string>{"A"}}}}, 2)},
              "s.toml");
        }) ==
        "s.toml:2: intervention[1].target.neighbourhoods: expected no target for the macro "
        "policy 'legislation' (it acts nationally), found [\"A\"]");
  // Distinct names pass.
  CHECK(message_of([&] {
          models::check_interventions(
              {e("food_bank", {}, 3), e("food_bank", {{"name", V{std::string("second")}}}, 9)},
              "s.toml");
        }) == "(no error)");
}

TEST_CASE("named people and households are checked against the population in one line",
          "[models][interventions]") {
  ServiceTown town(30);
  town.world->household_start = {0, 10, 20, 30};  // three households of ten
  using Ids = std::vector<double>;
  CHECK(message_of([&] {
          town.add("case_management", {{"target.people", V{Ids{4, 999}}}});
        }) ==
        "town.toml:10: intervention[1].target.people: no person 999 in the population (30 "
        "people)");
  CHECK(message_of([&] {
          town.add("case_management", {{"target.people", V{Ids{2.5}}}});
        }) == "town.toml:15: intervention[2].target.people: expected whole-number ids, found 2.5");
  CHECK(message_of([&] {
          town.add("food_bank", {{"target.households", V{Ids{3}}}});
        }) ==
        "town.toml:20: intervention[3].target.households: no household 3 in the population "
        "(households 0 to 2)");
  CHECK_THAT(message_of([&] {
               town.add("youth_project", {{"target.people", V{Ids{4}}}});
             }),
             Catch::StartsWith("town.toml:25: intervention[4].target.people: expected no named "
                               "people for the area programme 'youth_project'"));
  CHECK(message_of([&] {
          town.add("case_management", {{"target.households", V{Ids{2}}}});
        }) == "(no error)");
  CHECK(message_of([&] {
          models::check_interventions(
              {ServiceTown::entry("economic_shock", {{"target.people", V{Ids{4}}}}, 2)}, "s.toml");
        }) ==
        "s.toml:2: intervention[1].target.people: expected no target for the macro policy "
        "'economic_shock' (it acts nationally), found [4.0]");
}
