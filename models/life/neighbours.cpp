// Trouble with neighbours: a household in a dispute with, or troubled by, its neighbours (noise,
// boundaries, parking, children, harassment) — the "neighbours" of micro social work's
// "difficulties with partners, children, other family members or neighbours".
//
// Mechanism: a two-state chain per household, calibrated so that a run without policy stays at
// its published share q. Each week a household without it starts with probability
// h = q r / (1 - q), one with it ends with probability r = `recovery`, drawn from the first
// member's word 0 of the "neighbours" stream. Every member carries kNeighbourConflict. The state
// holds only while every adult 16+ still has the bit, so a service that resolves it for the adult
// it serves (neighbour mediation) resolves it for the household from the next week — as the
// family and life-event households do.
// Sources: the Scottish Household Survey 2006 (Table 4.32) found 5.0% of adults saying neighbour
// disputes are very or fairly common where they live and 7.6% saying so of noisy neighbours or
// loud parties; the Crime Survey for England and Wales asks the same "noisy neighbours or loud
// parties" question. Both measure a problem seen in the area, not a household's own dispute, so
// the default 5% is a judgement within them (docs/model.md says how thin this is). How long a
// dispute lasts is not measured in any survey we know: the default mean of half a year is an
// assumption.
// Week 0: states drawn at the stationary share from step 0, which the weekly draws (steps >= 1)
// never reuse. Why its own mechanism, table and stream: turning it on never shifts a draw of the
// life events or the family domains (common random numbers), and it reads nothing they write.
#include "models/life/neighbours.hpp"

#include <algorithm>

#include "models/life/household_weeks.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

namespace {

constexpr std::uint32_t kNeighbourAdultAge = 16;

}  // namespace

const sim::ParamTable<NeighbourRates>& neighbours_table() {
  return sim::declared<NeighbourRates>([](sim::ParamTable<NeighbourRates>& t) {
    t.add("enabled", &NeighbourRates::enabled, false)
        .help(
            "draw households' trouble with neighbours (off by default: on, it adds a wellbeing "
            "effect and moves the default town's documented figures)");
    t.add("share", &NeighbourRates::share, 0.05)
        .range(0, 0.95)
        .unit("share")
        .help(
            "share of households in a dispute or trouble with neighbours (Scottish Household "
            "Survey 2006, Table 4.32: 5.0% say neighbour disputes are common where they live, "
            "7.6% noisy neighbours or loud parties; CSEW asks the same question; an area "
            "perception, so a judgement: range 0.02-0.10)");
    t.add("recovery", &NeighbourRates::recovery, 1.0 / 26)
        .range(1e-4, 1)
        .unit("1/week")
        .help(
            "weekly probability that a household's trouble with neighbours ends without help "
            "(assumption: mean half a year, range 1/104 to 1/8; no survey measures it)");
  });
}

const std::vector<sim::ParamSpec>& neighbours_params() { return neighbours_table().specs(); }

NeighbourEvents::NeighbourEvents(const sim::ParamSet& neighbours, std::shared_ptr<World> world,
                                 std::uint64_t seed, std::uint32_t replicate)
    : rates_(neighbours_table().read(neighbours)),
      world_(std::move(world)),
      seed_(seed),
      replicate_(replicate),
      stream_(seed, replicate, "neighbours") {
  onset_ = rates_.share * rates_.recovery / (1 - rates_.share);
}

void NeighbourEvents::prepare(const sim::Network&, sim::AgentStore& a, sim::Ledger& ledger) {
  const unsigned b = static_cast<unsigned>(__builtin_ctz(kNeighbourConflict));
  onset_kind_ = ledger.add_event_kind(std::string("onset/") + domain_name(b));
  end_kind_ = ledger.add_event_kind(std::string("end/") + domain_name(b));
  const auto* hs = world_->household_start.data();
  const std::size_t households = world_->household_start.size() - 1;
  sim::for_blocks(households, [&](std::size_t hb, std::size_t he) {
    for (std::size_t h = hb; h < he; ++h) {
      const std::uint32_t s = hs[h], e = hs[h + 1];
      if (s == e || !sim::word_below(stream_.words(0, s, 0)[0], rates_.share)) continue;
      for (auto i = s; i < e; ++i) a.domains[i] |= kNeighbourConflict;
    }
  });
}

void NeighbourEvents::run(sim::Phase, sim::StepContext& ctx) {
  follow_run(stream_, seed_, replicate_, ctx, "neighbours");
  household_weeks(*world_, ctx,
                  [&](std::uint32_t s, std::uint32_t e, std::vector<sim::Event>& out) {
                    household_week(ctx.agents, ctx.step, s, e, out);
                  });
}

void NeighbourEvents::household_week(sim::AgentStore& a, std::uint32_t step, std::uint32_t s,
                                     std::uint32_t e, std::vector<sim::Event>& out) const {
  // The trouble holds while every adult still has it (mediation may have resolved it); a
  // household of children only keeps what its members have.
  bool adult = false, trouble = true, any = false;
  for (auto i = s; i < e; ++i) {
    const bool has = (a.domains[i] & kNeighbourConflict) != 0;
    any |= has;
    if (a.age[i] < kNeighbourAdultAge) continue;
    adult = true;
    trouble &= has;
  }
  if (!adult) trouble = any;
  const std::uint32_t word = stream_.words(step, s, 0)[0];
  trouble = trouble ? !sim::word_below(word, rates_.recovery) : sim::word_below(word, onset_);
  for (auto i = s; i < e; ++i) {
    const bool had = (a.domains[i] & kNeighbourConflict) != 0;
    if (had == trouble) continue;
    a.domains[i] ^= kNeighbourConflict;
    out.push_back({step, i, sim::kNoAgent, trouble ? onset_kind_ : end_kind_, 0});
  }
}

}  // namespace wellsim::models
