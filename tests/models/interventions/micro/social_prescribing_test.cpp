// Tests of social_prescribing (mirrors models/interventions/micro/social_prescribing).
#include <catch2/catch.hpp>

#include <map>

#include "models/interventions/service.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

TEST_CASE("social_prescribing ties appear after publish", "[models][interventions]") {
  ServiceTown town(300);
  for (std::uint32_t i = 0; i < 300; ++i) town.agents.domains[i] = i < 150 ? models::kLonely : 0u;
  auto& peers = town.add<models::Service>("social_prescribing",
                                          {{"tie_rate", V{1.0}}, {"peer_share", V{1.0}}});
  auto& local = town.add<models::Service>(
      "social_prescribing",
      {{"name", V{std::string("local")}}, {"tie_rate", V{1.0}}, {"peer_share", V{0.0}}});
  town.prepare();
  town.step(1);
  CHECK(town.world->overlay.ties().empty());  // added in week 1, visible from week 2
  const auto made = town.events("tie/social_prescribing");
  const auto made_local = town.events("tie/local");
  CHECK(made.size() > 100);
  for (const auto& e : made) CHECK(e.other < 150);  // another participant
  for (const auto& e : made_local) CHECK(town.net.group[e.other] == town.net.group[e.agent]);
  town.world->overlay.publish(2, 300);
  CHECK(!town.world->overlay.ties().empty());
  for (const auto& e : made) {
    const auto nb = town.world->overlay.neighbours_of(e.agent);
    CHECK(std::find(nb.begin(), nb.end(), e.other) != nb.end());
  }
  CHECK(peers.participants().size() == 150);
  CHECK(local.participants().size() == 150);
}

namespace {

/// Starts per person and cost of a social_prescribing run of `weeks` weeks in which everyone is
/// lonely in odd weeks only — a tie lifts loneliness, it fades, loneliness returns.
struct Courses {
  std::map<std::uint32_t, std::vector<std::uint32_t>> starts;  // person -> start weeks
  std::vector<std::pair<std::uint32_t, std::uint16_t>> ends;   // (weeks served, reason)
  double cost = 0;
};

Courses revolving_town(std::uint32_t weeks, const std::map<std::string, V>& keys) {
  ServiceTown town(60);
  town.add<models::Service>("social_prescribing", keys);
  town.prepare();
  Courses out;
  std::map<std::uint32_t, std::uint32_t> since;
  for (std::uint32_t t = 1; t <= weeks; ++t) {
    for (std::uint32_t i = 0; i < 60; ++i) town.agents.domains[i] = t % 2 ? models::kLonely : 0u;
    town.step(t);
    for (const auto& e : town.events("intervention/social_prescribing/start"))
      out.starts[e.agent].push_back(t), since[e.agent] = t;
    for (const auto& e : town.events("intervention/social_prescribing/end"))
      out.ends.emplace_back(t - since[e.agent], e.detail);
    out.cost += town.series("service/social_prescribing/cost");
  }
  return out;
}

std::size_t total_starts(const Courses& c) {
  std::size_t n = 0;
  for (const auto& [i, s] : c.starts) n += s.size();
  return n;
}

}  // namespace

TEST_CASE("social_prescribing: a person stays the course and rests before another",
          "[models][interventions]") {
  // Course 4 weeks, rest 6: a person starts at most once in any 10 weeks, so at most
  // floor((40 - 1) / 10) + 1 = 4 times in 40 weeks; each course is charged once.
  const auto c = revolving_town(40, {{"tie_rate", V{0.0}},
                                     {"course_weeks", V{std::int64_t{4}}},
                                     {"rereferral_weeks", V{std::int64_t{6}}},
                                     {"cost_per_participant", V{400.0}}});
  REQUIRE(c.starts.size() == 60);
  for (const auto& [i, weeks] : c.starts) {
    CHECK(weeks.size() <= 4);
    for (std::size_t k = 1; k < weeks.size(); ++k) CHECK(weeks[k] - weeks[k - 1] >= 10);
  }
  for (const auto& [served, why] : c.ends) {
    CHECK(served == 4);  // not lonely in even weeks, yet kept to the end of the course
    CHECK(why == static_cast<std::uint16_t>(models::LeaveReason::DurationDone));
  }
  CHECK(c.cost == 400.0 * static_cast<double>(total_starts(c)));
}

TEST_CASE("social_prescribing: without a rest a new course follows the last",
          "[models][interventions]") {
  // rereferral_weeks = 0: a person lonely again after a course starts again at once, so
  // starts are 4 weeks apart (a course) or 5 (the next lonely week): more than with a rest.
  const auto c = revolving_town(40, {{"tie_rate", V{0.0}},
                                     {"course_weeks", V{std::int64_t{4}}},
                                     {"rereferral_weeks", V{std::int64_t{0}}},
                                     {"cost_per_participant", V{400.0}}});
  for (const auto& [i, weeks] : c.starts) {
    CHECK(weeks.size() >= 7);
    for (std::size_t k = 1; k < weeks.size(); ++k) CHECK(weeks[k] - weeks[k - 1] >= 4);
  }
  CHECK(c.cost == 400.0 * static_cast<double>(total_starts(c)));
}
