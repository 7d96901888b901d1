// Tests of advocacy_campaign (mirrors models/interventions/macro/advocacy_campaign).
#include <catch2/catch.hpp>

#include "models/interventions/macro/advocacy_campaign.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::message_of;
using test::ServiceTown;
using V = sim::ParamValue;

namespace {

V campaign_int(std::int64_t x) { return V{x}; }
V campaign_text(const char* s) { return V{std::string(s)}; }

/// The interventions of `town`, in the order added, for settle_campaigns.
std::vector<models::Intervention*> interventions_of(ServiceTown& town) {
  std::vector<models::Intervention*> out;
  for (auto& m : town.mechanisms) out.push_back(dynamic_cast<models::Intervention*>(m.get()));
  return out;
}

}  // namespace

TEST_CASE("a campaign wins with probability (1 - failure) E / (E + resistance) over replicates",
          "[models][interventions]") {
  struct Case {
    double staff;
    std::int64_t delay;
    double resistance, failure;
  };
  for (const Case c : {Case{1, 52, 52, 0.2}, Case{2, 104, 104, 0.25}, Case{0.5, 26, 100, 0},
                       Case{3, 10, 0, 0.6}}) {
    ServiceTown town(10);
    auto& campaign = town.add<models::AdvocacyCampaign>("advocacy_campaign",
                                                        {{"staff", V{c.staff}},
                                                         {"delay_weeks", campaign_int(c.delay)},
                                                         {"resistance", V{c.resistance}},
                                                         {"failure", V{c.failure}}});
    const double effort = c.staff * static_cast<double>(c.delay);
    const double p = (1 - c.failure) * effort / (effort + c.resistance);
    CHECK(campaign.success_probability() == Approx(p));
    const std::size_t n = 4000;
    std::size_t won = 0;
    for (std::uint32_t r = 0; r < n; ++r) won += campaign.decide(11, r) != 0;
    INFO("p = " << p << ", share won = " << double(won) / n);
    CHECK(test::near_rate(double(won) / n, p, n));
  }
}

TEST_CASE("the change a campaign wins starts in the win week and not before",
          "[models][interventions]") {
  ServiceTown town(30);
  town.add("benefit_change", {{"name", campaign_text("uplift")}, {"level", V{1.5}}});
  town.add("community_hub", {{"name", campaign_text("hub")}, {"cost_per_week", V{100.0}}});
  town.add("advocacy_campaign", {{"name", campaign_text("for_uplift")},
                                 {"wins", campaign_text("uplift")},
                                 {"start_week", campaign_int(2)},
                                 {"delay_weeks", campaign_int(3)},
                                 {"resistance", V{0.0}},
                                 {"failure", V{0.0}},
                                 {"cost_fixed", V{500.0}},
                                 {"cost_per_staff_week", V{800.0}}});
  town.add("advocacy_campaign", {{"name", campaign_text("for_hub")},
                                 {"wins", campaign_text("hub")},
                                 {"delay_weeks", campaign_int(6)},
                                 {"resistance", V{0.0}},
                                 {"failure", V{0.0}}});
  models::settle_campaigns(interventions_of(town), 7, 0);
  town.prepare();
  for (std::uint32_t t = 1; t <= 9; ++t) {
    town.step(t);
    INFO("week " << t);
    // Won with certainty in week 2 + 3 = 5 and week 1 + 6 = 7.
    CHECK(town.world->macro.benefit_level == Approx(t >= 5 ? 1.5 : 1.0));
    CHECK(town.series("policy/for_uplift/won") == (t >= 5 ? 1.0 : 0.0));
    CHECK(town.series("policy/for_uplift/cost") ==
          (t == 2 ? 1300.0 : (t >= 2 && t <= 4 ? 800.0 : 0.0)));
    CHECK(town.series("service/hub/cost") == (t >= 7 ? 100.0 : 0.0));
    CHECK((town.series("service/hub/enrolled") > 0) == (t >= 7));
  }
}

TEST_CASE("a failed campaign starts nothing and costs only its weeks of campaigning",
          "[models][interventions]") {
  ServiceTown town(30);
  town.add("community_hub", {{"name", campaign_text("hub")}, {"cost_fixed", V{900.0}}});
  town.add("advocacy_campaign", {{"wins", campaign_text("hub")},
                                 {"staff", V{2.0}},
                                 {"delay_weeks", campaign_int(4)},
                                 {"failure", V{1.0}}});
  models::settle_campaigns(interventions_of(town), 7, 0);
  town.prepare();
  double campaign = 0, hub = 0;
  for (std::uint32_t t = 1; t <= 12; ++t) {
    town.step(t);
    campaign += town.series("policy/advocacy_campaign/cost");
    hub += town.series("service/hub/cost") + town.series("service/hub/enrolled");
    CHECK(town.series("policy/advocacy_campaign/won") == 0);
  }
  CHECK(campaign == 2 * 800.0 * 4);
  CHECK(hub == 0);
}

TEST_CASE("paired campaigns share their draw: the stronger wins whenever the weaker does",
          "[models][interventions]") {
  ServiceTown weak(10), strong(10), crowded(10);
  auto& w = weak.add<models::AdvocacyCampaign>("advocacy_campaign", {{"staff", V{1.0}}});
  auto& s = strong.add<models::AdvocacyCampaign>("advocacy_campaign", {{"staff", V{3.0}}});
  crowded.add("food_bank");  // another intervention does not move the campaign's draw
  auto& c = crowded.add<models::AdvocacyCampaign>("advocacy_campaign", {{"staff", V{1.0}}});
  std::size_t weak_wins = 0, strong_only = 0;
  for (std::uint32_t r = 0; r < 500; ++r) {
    const bool a = w.decide(3, r) != 0, b = s.decide(3, r) != 0;
    CHECK((!a || b));
    CHECK(c.decide(3, r) == w.won_week());
    weak_wins += a, strong_only += b && !a;
  }
  CHECK(weak_wins > 0);
  CHECK(strong_only > 0);
}

TEST_CASE("bad campaign input is refused in one line naming the key", "[models][interventions]") {
  auto e = [](const std::string& type, std::map<std::string, V> keys, long line) {
    return ServiceTown::entry(type, keys, line);
  };
  const auto hub = e("community_hub", {{"name", campaign_text("hub")}}, 3);
  auto refused = [&](std::vector<sim::ListEntry> entries) {
    return message_of([&] { models::check_interventions(entries, "s.toml"); });
  };
  CHECK(refused({hub, e("advocacy_campaign", {{"wins", campaign_text("hall")}}, 8)}) ==
        "s.toml:8: intervention[2].wins: expected the name of another intervention (one of "
        "'hub', 'advocacy_campaign'), found 'hall'");
  CHECK(refused({hub, e("advocacy_campaign", {}, 8)}) ==
        "s.toml:8: intervention[2].wins: expected the name of the intervention it campaigns for "
        "(one of 'hub', 'advocacy_campaign'), found nothing");
  CHECK(refused({e("advocacy_campaign",
                   {{"name", campaign_text("a")}, {"wins", campaign_text("b")}}, 4),
                 e("advocacy_campaign",
                   {{"name", campaign_text("b")}, {"wins", campaign_text("hub")}}, 6),
                 hub}) ==
        "s.toml:4: intervention[1].wins: 'b' is itself an advocacy_campaign; a campaign wins a "
        "service or a policy, not a campaign");
  CHECK(refused({e("advocacy_campaign",
                   {{"name", campaign_text("a")}, {"wins", campaign_text("a")}}, 4)}) ==
        "s.toml:4: intervention[1].wins: 'a' is itself an advocacy_campaign; a campaign wins a "
        "service or a policy, not a campaign");
  CHECK(refused({hub,
                 e("advocacy_campaign",
                   {{"name", campaign_text("a")}, {"wins", campaign_text("hub")}}, 6),
                 e("advocacy_campaign",
                   {{"name", campaign_text("b")}, {"wins", campaign_text("hub")}}, 9)}) ==
        "s.toml:9: intervention[3].wins: 'hub' is already won by the campaign 'a'; one campaign "
        "per change");
  CHECK(refused({e("community_hub",
                   {{"name", campaign_text("hub")}, {"start_week", campaign_int(30)}}, 3),
                 e("advocacy_campaign", {{"wins", campaign_text("hub")}}, 8)}) ==
        "s.toml:3: intervention[1].start_week: expected no start_week for 'hub' (the campaign "
        "'advocacy_campaign' decides when it starts), found 30");
  CHECK(refused({hub, e("advocacy_campaign",
                        {{"wins", campaign_text("hub")}, {"end_week", campaign_int(80)}}, 8)}) ==
        "s.toml:8: intervention[2].end_week: expected no end_week for an advocacy_campaign (it "
        "campaigns until its decision, start_week + delay_weeks), found 80");
}
