// Series, events and people of a community run: written by RunWriter, read back by RunReader.
#include <catch2/catch.hpp>

#include "models/community/vocabulary.hpp"
#include "output/h5_util.hpp"
#include "output/run_reader.hpp"
#include "sim/errors.hpp"
#include "tests/output/run_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

sim::AgentStore people() {
  sim::AgentStore a = test::small_agents();
  a.resize_people(5);
  a.household = {0, 0, 1, 2, 2};
  a.age = {40, 38, 71, 25, 3};
  a.traits = {models::kPartnered | models::kHouseholdHead, models::kPartnered, models::kWidowed,
              models::kHouseholdHead | models::kMinority, models::kMinority};
  a.tenure = {0, 0, 1, 2, 2};
  a.wage = {700, 500, 0, 420, 0};
  a.housing_cost = {160, 0, 95, 190, 0};
  a.set_point = {7.5f, 7.0f, 6.0f, 8.0f, 7.8f};
  a.disposable = {300, 300, 150, 90, 90};
  a.activity = {2, 3, 4, 2, 0};
  return a;
}

struct Written {
  std::vector<std::vector<std::uint32_t>> domains;  // per step
  std::size_t events = 0;
};

/// The community model's names for the person codes, as `wellsim run` passes them.
output::PeopleCodes people_codes() {
  return {models::domain_names(), models::activity_names(), models::tenure_names(),
          models::trait_names()};
}

// Six steps; step s gives agent s%5 the homeless bit and one event, and series "x" = s * 1.5.
Written write_run(const std::string& path, bool finish) {
  output::WriterOptions opts;
  opts.record_every = 2;
  opts.people_codes = people_codes();
  output::RunWriter writer(path, test::small_info(6), opts);
  sim::AgentStore a = people();
  sim::Ledger ledger;
  const auto x = ledger.add_series("x");
  const auto y = ledger.add_series("prevalence/homeless/Bacup");
  const auto onset = ledger.add_event_kind("onset/homeless");
  const auto tie = ledger.add_event_kind("tie/hub");
  Written w;
  w.domains.push_back(a.domains);
  writer.on_start(test::small_network(false), a, ledger);
  for (std::uint32_t s = 1; s <= 6; ++s) {
    ledger.begin_step();
    a.domains[s % 5] |= models::kHomeless;
    ledger.set(x, 1.5 * s);
    ledger.set(y, 0.1 * s);
    ledger.record({s, s % 5, sim::kNoAgent, onset, static_cast<std::uint16_t>(s)});
    if (s % 2 == 0) ledger.record({s, 0, 4, tie, 0});
    w.events += 1 + (s % 2 == 0);
    w.domains.push_back(a.domains);
    writer.on_step(s, a, ledger);
  }
  if (finish) writer.on_finish(6);
  return w;
}

}  // namespace

TEST_CASE("series, events and people read back exactly", "[output]") {
  test::TempDir dir("ledger");
  const Written w = write_run(dir.file("run.h5"), true);
  output::RunReader r(dir.file("run.h5"));
  REQUIRE(r.has_people());
  CHECK(r.households() == std::vector<std::uint32_t>{0, 0, 1, 2, 2});
  CHECK(r.people_codes("age") == std::vector<std::uint8_t>{40, 38, 71, 25, 3});
  CHECK(r.people_values("set_point") == std::vector<float>{7.5f, 7.0f, 6.0f, 8.0f, 7.8f});
  CHECK(r.domain_names().at(1) == "homeless");
  CHECK_THROWS_WITH(r.people_codes("wage"), Catch::Contains("no 8-bit people column \"wage\""));

  REQUIRE(r.series_names() == std::vector<std::string>{"x", "prevalence/homeless/Bacup"});
  CHECK(r.series("x") == std::vector<double>{0, 1.5, 3, 4.5, 6, 7.5, 9});
  CHECK_THROWS_WITH(r.series("prevalence/homeless/Bacpu"),
                    Catch::Contains("no series \"prevalence/homeless/Bacpu\"; did you mean "
                                    "\"prevalence/homeless/Bacup\"?"));

  CHECK(r.event_kinds() == std::vector<std::string>{"onset/homeless", "tie/hub"});
  const auto e = r.events();
  REQUIRE(e.step.size() == w.events);
  CHECK(e.step.front() == 1);
  CHECK(e.agent.front() == 1);
  CHECK(e.other.front() == sim::kNoAgent);
  CHECK(e.detail.front() == 1);
  CHECK(e.kind[2] == 1);  // step 2's second event is the tie
  CHECK(e.other[2] == 4);

  REQUIRE(r.recorded_steps() == std::vector<std::int32_t>{0, 2, 4, 6});
  for (std::size_t k = 0; k < 4; ++k) CHECK(r.domains_at(k) == w.domains[2 * k]);
  CHECK(r.activity_at(3) == std::vector<std::uint8_t>{2, 3, 4, 2, 0});
}

TEST_CASE("the code names are the caller's, and people need them", "[output]") {
  test::TempDir dir("people-codes");
  write_run(dir.file("run.h5"), true);
  output::RunReader r(dir.file("run.h5"));
  CHECK(r.domain_names() == models::domain_names());
  CHECK(r.domain_names().size() == models::kDomainCount);
  output::RunWriter nameless(dir.file("nameless.h5"), test::small_info(1), {});
  CHECK_THROWS_WITH(nameless.on_start(test::small_network(false), people(), sim::Ledger{}),
                    Catch::Contains("need WriterOptions::people_codes"));
}

TEST_CASE("events and series of steps beyond steps_completed are left out", "[output]") {
  test::TempDir dir("ledger-cut");
  const std::string path = dir.file("run.h5");
  write_run(path, false);
  {
    output::h5::File f(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open");
    output::h5::Group m(H5Gopen2(f, "manifest", H5P_DEFAULT), "manifest");
    output::h5::write_attribute(m, "steps_completed", std::uint32_t{3});
  }
  output::RunReader r(path);
  CHECK(r.series("x").size() == 4);
  const auto e = r.events();
  REQUIRE(e.step.size() == 4);  // steps 1, 2 (two events), 3
  CHECK(e.step.back() == 3);
}

TEST_CASE("a run without people has no people and no series", "[output]") {
  test::TempDir dir("ledger-none");
  test::write_small_run(dir.file("run.h5"), 4, 4, {});
  output::RunReader r(dir.file("run.h5"));
  CHECK_FALSE(r.has_people());
  CHECK(r.series_names().empty());
  CHECK(r.events().step.empty());
  CHECK(r.households().empty());
  CHECK_THROWS_WITH(r.domains_at(0), Catch::Contains("no people in this run"));
}
