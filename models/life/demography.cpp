// Demography of the community model: people age, and die at the rates of an ONS life table.
//
// Mechanism, once a week, person by person (each writes only their own slots):
//   - death: a present person of age x and sex s dies this week with the weekly hazard
//     h = 1 - (1 - m q_x,s)^(1/52) (q from life_table.cpp, m = mortality_scale). The dead keep
//     their row and are marked absent (AgentStore::present = 0): statistics, services, the life
//     events and social influence skip them, and their ties stop carrying influence or support.
//     Their domains are cleared and their partnership ends, so the partner who survives is
//     widowed by the life events the same week (hazards.cpp): widowhood arises from deaths;
//   - ageing: each person has a birthday week b in 0-51 (a uniform draw at week 0); in step t
//     with t mod 52 = b they become a year older (ages stop at 100, the table's last row);
//   - life-course transitions on a birthday: a child turning 16 becomes a student with a wage for
//     later (the week-0 wage of a person 22-29 drawn at random), a student at `school_leaving` age
//     enters the labour market (employed with probability `entrant_employment`, else unemployed:
//     the weekly job hazards of [life] then hold the unemployment rate), and a person of working
//     age reaching `pension_age` retires (the State Pension replaces pay or benefits).
//   - births (births.cpp): a woman of 15-49 gives birth at the ONS age-specific fertility rates
//     (fertility_table.cpp); the newborn fills a row reserved at week 0 in her household
//     (models/population/reserve.cpp), so the agent store grows without moving anyone.
// Who was present when: per row, `entered` (0 at week 0, the birth week, -1 for a reserved row
// not yet filled) and `left` (the death week, else -1), kept in the agent store and the run file.
// Sex: sexes.cpp (female with probability `female_share`, a couple's partners of opposite sex).
// Draws: stream "demography", keyed by (step, agent): step 0 draw 0 gives [1] birthday
// week, [2] entrant wage pick (draw 1 [0], keyed by original id, the sex: sexes.cpp); step t >= 1
// draw 0 gives [0] death, [1] labour-market entry, [2] birth; a child starting school or an
// entrant starting work that week (school_work.cpp) draw 2 gives [0] the donor whose tie counts
// they copy, [1] close friends', [2] friends', [3] classmates' odd tie; draw
// 3 + (s << 16) + (j << 3) + k is attempt k (0-7) of their tie j of kind s (0 classmate,
// 1 close friend, 2 friend, 3 colleague): [0] who in the pool, [1] and [2] a friend's age. The
// stream is its own and reads nothing that a policy changes (age, sex, presence), so the same
// people die, age and give birth in both arms of a paired comparison (common random numbers). Why
// in the life-events phase before the life events: they must see who is alive this week, and a
// death must widow the partner in the same week.
#include "models/life/demography.hpp"

#include <algorithm>

#include "models/life/births.hpp"
#include "models/life/fertility_table.hpp"
#include "models/life/life_table.hpp"
#include "models/life/sexes.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/rng.hpp"
#include "sim/series_names.hpp"

namespace wellsim::models {

namespace {

constexpr std::uint8_t kDemogAdultAge = 16;

}  // namespace

const sim::ParamTable<DemographyRates>& demography_table() {
  return sim::declared<DemographyRates>([](sim::ParamTable<DemographyRates>& t) {
    t.add("enabled", &DemographyRates::enabled, false)
        .help(
            "age people and let them die at ONS life-table rates (off by default: on, the "
            "population changes and the default town's documented figures move)");
    t.add("mortality_scale", &DemographyRates::mortality_scale, 1.0)
        .range(0, 20)
        .help(
            "multiplier on every death probability qx of the ONS period life table for England "
            "and Wales (2018-based projection, year 2020: life expectancy 80.1 years for males, "
            "83.5 for females); above 1 for a deprived area, 0 for no deaths");
    t.add("female_share", &DemographyRates::female_share, 0.51)
        .range(0, 1)
        .unit("share")
        .help(
            "share of people who are female, for the life table by sex (ONS Census 2021, "
            "England and Wales: 51.0%); a couple's second partner takes the other sex");
    t.add("school_leaving", &DemographyRates::school_leaving, 21)
        .range(16, 30)
        .unit("years")
        .help(
            "age at whose birthday a student enters the labour market (assumption standing for "
            "a mix of leaving at 18 and after a degree at 21-22; children become students at 16)");
    t.add("pension_age", &DemographyRates::pension_age, 66)
        .range(55, 75)
        .unit("years")
        .help("State Pension age: people of working age retire at this birthday (UK 2024: 66)");
    t.add("entrant_employment", &DemographyRates::entrant_employment, 0.75)
        .range(0, 1)
        .unit("share")
        .help(
            "share of labour-market entrants in work at once, the rest unemployed (ONS LFS "
            "2023: employment rate of people 18-24 not in full-time education about 75%)");
    t.add("fertility_scale", &DemographyRates::fertility_scale, 1.0)
        .range(0, 10)
        .help(
            "multiplier on every ONS age-specific fertility rate (Births in England and Wales: "
            "2022, births per 1,000 women by five-year age group, total fertility rate 1.49); "
            "0 for no births");
    t.add("reserve_cap", &DemographyRates::reserve_cap, 6)
        .range(0, 64)
        .unit("rows")
        .help(
            "most rows a household keeps at week 0 for babies born during the run (expected "
            "births over run.steps plus two standard deviations, rounded; a birth that finds "
            "no free row is counted in population/births_unplaced)");
    t.add("starting_school", &DemographyRates::starting_school, true)
        .help(
            "a child turning 5 (DfE: compulsory school age) makes classmates of their age and "
            "close friends and friends aged 5-15 in their neighbourhood, half the ties of a "
            "week-0 pupil drawn there (the children who start after them make the other half); "
            "models/life/school_work.cpp");
    t.add("leaving_school", &DemographyRates::leaving_school, true)
        .help(
            "school ties end when a pupil becomes a student at 16 (the network's school layer "
            "joins children 5-15): a school tie counts only while both are children");
    t.add("entering_work", &DemographyRates::entering_work, true)
        .help(
            "a student entering the labour market employed makes as many colleagues as a week-0 "
            "worker of their neighbourhood drawn at random has, among its people in the labour "
            "market");
  });
}

const std::vector<sim::ParamSpec>& demography_params() { return demography_table().specs(); }

void reserve_birth_rows(const sim::ParamSet& demography, std::uint32_t steps, std::uint64_t seed,
                        std::uint32_t replicate, People& people, sim::EdgeList& ties) {
  const DemographyRates r = demography_table().read(demography);
  const sim::RandomStream stream(seed, replicate, "demography");
  const auto female = draw_sexes(people.original_id, people.traits, people.household_starts(),
                                 r.female_share, stream);
  const ReservePlan plan{steps, r.fertility_scale, r.reserve_cap};
  insert_reserved_rows(people, ties, plan_reserve(people, female, plan));
}

Demography::Demography(const sim::ParamSet& demography, std::shared_ptr<World> world,
                       std::uint64_t seed, std::uint32_t replicate)
    : rates_(demography_table().read(demography)),
      world_(std::move(world)),
      seed_(seed),
      replicate_(replicate),
      stream_(seed, replicate, "demography"),
      fertility_(weekly_fertility(rates_.fertility_scale)) {
  for (int s = 0; s < 2; ++s) {
    hazard_[s].resize(kLifeTableOldest + 1);
    for (unsigned x = 0; x <= kLifeTableOldest; ++x)
      hazard_[s][x] = weekly_hazard(rates_.mortality_scale * annual_death_probability(s == 1, x));
  }
}

std::uint32_t birthday_week(const sim::RandomStream& demography, const sim::AgentStore& a,
                            std::uint32_t i) {
  if (!a.entered.empty() && a.entered[i] > 0) return static_cast<std::uint32_t>(a.entered[i]) % 52;
  return demography.words(0, i, 0)[1] % 52;
}

std::uint32_t Demography::birthday_week(std::uint32_t i) const {
  return stream_.words(0, i, 0)[1] % 52;
}

void Demography::prepare(const sim::Network& net, sim::AgentStore& a, sim::Ledger& ledger) {
  const std::size_t n = a.size();
  world_->demography = true;
  if (a.present.size() != n) a.present.assign(n, 1);  // reserved rows come absent (reserve.cpp)
  a.entered.resize(n);
  a.left.assign(n, -1);
  for (std::size_t i = 0; i < n; ++i) a.entered[i] = a.present[i] ? 0 : -1;
  const std::vector<std::uint32_t>& hs = world_->household_start;
  female_ = draw_sexes(net.original_id, a.traits, hs, rates_.female_share, stream_);
  entrant_wages_.clear();
  for (std::size_t i = 0; i < n; ++i)
    if (a.age[i] >= 22 && a.age[i] <= 29 && a.wage[i] > 0) entrant_wages_.push_back(a.wage[i]);
  std::sort(entrant_wages_.begin(), entrant_wages_.end());
  death_kind_ = ledger.add_event_kind("death");
  birth_kind_ = ledger.add_event_kind("birth");
  unplaced_kind_ = ledger.add_event_kind("birth_unplaced");
  population_series_ = ledger.add_series(sim::series::kPopulationPresent);
  deaths_series_ = ledger.add_series(sim::series::kPopulationDeaths);
  births_series_ = ledger.add_series(sim::series::kPopulationBirths);
  unplaced_series_ = ledger.add_series(sim::series::kPopulationBirthsUnplaced);
  std::size_t present = 0;
  for (std::uint8_t p : a.present) present += p;
  ledger.set(population_series_, static_cast<double>(present));
  ledger.set(deaths_series_, 0.0);
  ledger.set(births_series_, 0.0);
  ledger.set(unplaced_series_, 0.0);
}

void Demography::person_week(sim::AgentStore& a, std::uint32_t step, std::uint32_t i,
                             std::vector<sim::Event>& out) const {
  const auto w = stream_.words(step, i, 0);
  if (sim::word_below(w[0], hazard_[female_[i]][std::min<unsigned>(a.age[i], kLifeTableOldest)])) {
    a.present[i] = 0;
    a.left[i] = static_cast<std::int32_t>(step);
    a.domains[i] = 0;
    a.traits[i] = static_cast<std::uint8_t>(a.traits[i] & ~kPartnered);
    out.push_back({step, i, sim::kNoAgent, death_kind_, 0});
    return;
  }
  if (step % 52 != models::birthday_week(stream_, a, i) || a.age[i] >= kLifeTableOldest) return;
  const auto age = static_cast<std::uint8_t>(a.age[i] + 1);
  a.age[i] = age;
  const auto activity = static_cast<Activity>(a.activity[i]);
  if (activity == Activity::Child && age >= kDemogAdultAge) {
    a.activity[i] = static_cast<std::uint8_t>(Activity::Student);
    if (a.wage[i] <= 0 && !entrant_wages_.empty())
      a.wage[i] = entrant_wages_[stream_.words(0, i, 0)[2] % entrant_wages_.size()];
  } else if (activity == Activity::Student && age >= rates_.school_leaving) {
    const bool work = sim::word_below(w[1], rates_.entrant_employment);
    a.activity[i] = static_cast<std::uint8_t>(work ? Activity::Employed : Activity::Unemployed);
  } else if (age == rates_.pension_age &&
             (activity == Activity::Employed || activity == Activity::Unemployed ||
              activity == Activity::Inactive)) {
    a.activity[i] = static_cast<std::uint8_t>(Activity::Retired);
  }
}

void Demography::run(sim::Phase, sim::StepContext& ctx) {
  if (ctx.seed != seed_ || ctx.replicate != replicate_) {
    seed_ = ctx.seed, replicate_ = ctx.replicate;
    stream_ = sim::RandomStream(seed_, replicate_, "demography");
  }
  sim::AgentStore& a = ctx.agents;
  const auto deaths = sim::collect_blocks<sim::Event>(
      a.size(), [&](std::size_t b, std::size_t e, std::vector<sim::Event>& out) {
        for (std::size_t k = b; k < e; ++k)
          if (a.present[k]) person_week(a, ctx.step, static_cast<std::uint32_t>(k), out);
      });
  ctx.ledger.record(deaths);
  // Births after deaths (a mother who died this week gives no birth), household by household:
  // a birth writes only rows of the mother's household.
  const BirthRules rules{&fertility_, &female_, &stream_, birth_kind_, unplaced_kind_};
  const auto* hs = world_->household_start.data();
  const auto births = sim::collect_blocks<sim::Event>(
      world_->household_start.size() - 1,
      [&](std::size_t b, std::size_t e, std::vector<sim::Event>& out) {
        for (std::size_t h = b; h < e; ++h)
          household_births(a, hs[h], hs[h + 1], ctx.step, rules, out);
      });
  ctx.ledger.record(births);
  std::size_t present = 0, unplaced = 0;
  for (std::uint8_t p : a.present) present += p;
  for (const sim::Event& ev : births) unplaced += ev.kind == unplaced_kind_;
  ctx.ledger.set(population_series_, static_cast<double>(present));
  ctx.ledger.set(deaths_series_, static_cast<double>(deaths.size()));
  ctx.ledger.set(births_series_, static_cast<double>(births.size() - unplaced));
  ctx.ledger.set(unplaced_series_, static_cast<double>(unplaced));
}

}  // namespace wellsim::models
