// A person's interventions, programme ties and life events, from a run's events.
#include "viz/person_history.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "output/run_reader.hpp"
#include "tests/viz/community_fixture.hpp"
#include "viz/run_data.hpp"
#include "viz/viewer_state.hpp"

using namespace wellsim;

namespace {

const std::vector<std::string> kKinds = {"onset/lonely",                       // 0
                                         "intervention/food_bank/queued",      // 1
                                         "intervention/food_bank/start",       // 2
                                         "intervention/food_bank/end",         // 3
                                         "intervention/food_bank/left_queue",  // 4
                                         "tie/hub",                            // 5
                                         "intervention/therapy/start",         // 6
                                         "intervention/therapy/recovered",     // 7
                                         "something/new",  // 8: a kind this build does not know
                                         "job_loss"};      // 9

constexpr std::uint32_t kNone = ~0u;

void add(output::RunReader::Events& e, std::uint32_t step, std::uint32_t agent, std::uint16_t kind,
         std::uint32_t other = kNone) {
  e.step.push_back(step), e.agent.push_back(agent), e.other.push_back(other);
  e.kind.push_back(kind), e.detail.push_back(0);
}

}  // namespace

TEST_CASE("a person's intervention history pairs queue start and end events", "[viz]") {
  output::RunReader::Events e;
  add(e, 1, 7, 0);     // lonely
  add(e, 2, 9, 1);     // someone else queues
  add(e, 3, 7, 1);     // queued for the food bank
  add(e, 4, 7, 5, 9);  // a hub tie to 9
  add(e, 5, 7, 2);     // served
  add(e, 5, 9, 2);     // someone else served
  add(e, 6, 2, 5, 7);  // a hub tie from 2 (7 is the other)
  add(e, 8, 7, 6);     // therapy without a queue
  add(e, 9, 7, 8);     // unknown kind: skipped
  add(e, 10, 7, 42);   // a kind index out of range: skipped
  add(e, 11, 9, 3);    // someone else's end: not 7's
  add(e, 17, 7, 3);    // food bank ends
  add(e, 20, 7, 1);    // queued again
  add(e, 20, 7, 7);    // recovered (therapy)
  add(e, 22, 7, 4);    // gave up waiting
  add(e, 23, 7, 9);    // job loss
  const viz::PersonHistory h = viz::person_history(e, kKinds, 7);
  REQUIRE(h.spells.size() == 3);
  CHECK(h.spells[0].intervention == "food_bank");
  CHECK(h.spells[0].queued == 3);
  CHECK(h.spells[0].start == 5);
  CHECK(h.spells[0].end == 17);
  CHECK(h.spells[0].left_queue == -1);
  CHECK(h.spells[1].intervention == "therapy");
  CHECK(h.spells[1].queued == -1);
  CHECK(h.spells[1].start == 8);
  CHECK(h.spells[1].end == -1);
  REQUIRE(h.spells[1].outcomes.size() == 1);
  CHECK(h.spells[1].outcomes[0].first == "recovered");
  CHECK(h.spells[1].outcomes[0].second == 20);
  CHECK(h.spells[2].intervention == "food_bank");
  CHECK(h.spells[2].queued == 20);
  CHECK(h.spells[2].start == -1);
  CHECK(h.spells[2].left_queue == 22);
  REQUIRE(h.ties.size() == 2);
  CHECK(h.ties[0].programme == "hub");
  CHECK(h.ties[0].partner == 9);
  CHECK(h.ties[0].week == 4);
  CHECK(h.ties[1].partner == 2);
  CHECK(h.ties[1].week == 6);
  REQUIRE(h.life.size() == 2);
  CHECK(h.life[0].what == "onset/lonely");
  CHECK(h.life[0].week == 1);
  CHECK(h.life[1].what == "job_loss");
  const viz::PersonHistory other = viz::person_history(e, kKinds, 9);
  REQUIRE(other.spells.size() == 1);
  CHECK(other.spells[0].queued == 2);
  CHECK(other.spells[0].start == 5);
  CHECK(other.spells[0].end == 11);
  REQUIRE(other.ties.size() == 1);
  CHECK(other.ties[0].partner == 7);
  CHECK(viz::person_history({}, kKinds, 7).spells.empty());
}

TEST_CASE("every programme start in a run file is in its person's history", "[viz]") {
  test::TempDir dir("viz-history");
  test::write_community_run("social_prescribing", 30, dir.file("run.h5"));
  output::RunReader reader(dir.file("run.h5"));
  const auto kinds = reader.event_kinds();
  const auto events = reader.events();
  // Count the link workers' starts and ties per person straight from the columns.
  const auto index = [&](const std::string& k) {
    return std::uint16_t(std::find(kinds.begin(), kinds.end(), k) - kinds.begin());
  };
  const std::uint16_t start = index("intervention/link_workers/start");
  const std::uint16_t tie = index("tie/link_workers");
  REQUIRE(start < kinds.size());
  std::map<std::uint32_t, std::vector<std::int32_t>> starts;
  std::map<std::uint32_t, std::size_t> ties;
  for (std::size_t e = 0; e < events.kind.size(); ++e) {
    if (events.kind[e] == start) starts[events.agent[e]].push_back(std::int32_t(events.step[e]));
    if (events.kind[e] == tie) ++ties[events.agent[e]], ++ties[events.other[e]];
  }
  REQUIRE(!starts.empty());
  viz::RunData run(dir.file("run.h5"));
  viz::ViewerState state(run, nullptr);
  for (const auto& [agent, weeks] : starts) {
    state.select(sim::AgentId(agent));
    const viz::PersonHistory& h = state.selected_history();
    std::vector<std::int32_t> seen;
    for (const auto& s : h.spells) {
      if (s.intervention != "link_workers" || s.start < 0) continue;
      seen.push_back(s.start);
      CHECK(s.start >= 13);  // the programme starts in week 13
      if (s.queued >= 0) CHECK(s.queued <= s.start);
      if (s.end >= 0) CHECK(s.end >= s.start);
    }
    CHECK(seen == weeks);
    std::size_t programme_ties = 0;
    for (const auto& t : h.ties) programme_ties += t.programme == "link_workers";
    CHECK(programme_ties == ties[agent]);
    // The household holds the person and only people of their household.
    const auto& household = state.selected_household();
    const auto codes = reader.households();
    CHECK(std::find(household.begin(), household.end(), agent) != household.end());
    for (sim::AgentId m : household) CHECK(codes[m] == codes[agent]);
    CHECK(std::size_t(std::count(codes.begin(), codes.end(), codes[agent])) == household.size());
  }
}

TEST_CASE("a person's problems and activity at a week are the recorded row's", "[viz]") {
  test::TempDir dir("viz-people");
  test::write_community_run("default", 8, dir.file("run.h5"));
  output::RunReader reader(dir.file("run.h5"));
  viz::RunData run(dir.file("run.h5"));
  REQUIRE(run.people().present());
  const auto names = reader.domain_names();
  const auto ages = reader.people_codes("age");
  const std::size_t last = run.weeks().size() - 1;
  const auto bits = reader.domains_at(last);
  const auto activity = reader.activity_at(last);
  const auto run_activity_names = reader.people_names("activity_names");
  REQUIRE(run_activity_names.size() == 6);
  // Tenure codes read as the run file names them, shown with spaces.
  REQUIRE(reader.people_names("tenure_names") ==
          std::vector<std::string>{"owner", "social_rent", "private_rent"});
  const auto tenure = reader.people_codes("tenure");
  const auto social = std::find(tenure.begin(), tenure.end(), 1);
  REQUIRE(social != tenure.end());
  CHECK(run.people().tenure(static_cast<sim::AgentId>(social - tenure.begin())) == "social rent");
  std::size_t with_problems = 0;
  for (sim::AgentId a = 0; a < run.agents(); ++a) {
    const auto problems = run.people().domains(a, last);
    std::size_t k = 0;
    for (std::size_t b = 0; b < names.size(); ++b)
      if (bits[a] >> b & 1u) {
        REQUIRE(k < problems.size());
        CHECK(problems[k++] == names[b]);
      }
    CHECK(k == problems.size());
    with_problems += !problems.empty();
    CHECK(run.people().activity(a, last) == run_activity_names.at(activity[a]));
    CHECK(run.people().age(a) == int(ages[a]));
  }
  CHECK(with_problems > 0);
}
