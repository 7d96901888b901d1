// Ties through school and work over a life course ([demography], issue 13).
//
// The town network is generated once, for the people of week 0 (models/network/town.cpp), and
// frozen (DESIGN invariant 5). Without this file a child born in a run, or under 5 at week 0,
// never gets the school and friend ties the generator gives children 5-15, and a school leaver
// keeps school ties for life and gets no colleagues; over 25-30 years the people born in the run
// drift apart from those of week 0 for no reason in the world. So, person by person, at the
// birthdays demography.cpp already ages people on:
//   - starting school: at their 5th birthday (DfE: compulsory school age starts the term after a
//     child's 5th birthday) a child makes classmates among the present pupils of their
//     neighbourhood and age, and close friends and friends among its present pupils aged 5-15,
//     of an age drawn around their own (normal, SD network.child_friend_age_sd, as the
//     generator). How many: half the ties of a week-0 pupil of the neighbourhood drawn at random
//     (a donor; peer_pools.cpp says why a donor), as in the generator, where everyone starts
//     half their expected ties and receives the other half as others' choices: the children who
//     start school after them choose them in turn. Run-time ties live in the overlay
//     (World::overlay) with the weight of their layer relative to a programme tie
//     (World::layer_tie_weight); friends for good, classmates until the first of the two leaves.
//   - leaving school: a child becomes a student at 16 (demography.cpp) and leaves the school
//     layer, which the generator gives children 5-15 only. A frozen tie cannot be removed, so a
//     frozen school tie counts only while both its people are children (World::school_ties_end,
//     read where layers are weighted: the wellbeing model's social term and the loneliness
//     count of models/life/support.hpp); a run-time school tie ends at its `until`.
//   - entering work: a student who enters the labour market employed (at `school_leaving`) makes
//     as many colleague ties as a week-0 worker of their neighbourhood drawn at random has,
//     all at once (their colleagues are already at work), among the present people of the
//     neighbourhood in the labour market (the store has no workplaces; peer_pools.hpp says why
//     the labour market and not the employed).
// Support and loneliness count every overlay tie as a close tie (programme ties); the friend,
// school and workplace ties made here are not close ties, so World::loose_ties counts them per
// person and support.hpp takes them off the close counts (they still count as ties).
// Draws: the "demography" stream at (step, newcomer), draws 2 and up (demography.cpp lists the
// layout). They read age, sex, presence and labour-market status, which no policy changes, so
// both arms of a paired comparison give the same newcomers the same ties. Decisions are made in
// parallel over fixed blocks of agents and applied in agent order on one thread, so the overlay is
// the same for any thread count.
// Not modelled: classes within a year group (classmates are drawn from the neighbourhood's year
// group), friends outside the neighbourhood, kin of a newborn beyond the household (a week-0
// child has none either: kin ties are adult-to-adult in the generator, children reach kin
// through their parents, so giving newborns kin would set them apart from week-0 children).
#include "models/life/school_work.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/layers.hpp"
#include "models/community/vocabulary.hpp"
#include "models/life/demography.hpp"
#include "sim/deterministic_parallel.hpp"

namespace wellsim::models {

namespace {

constexpr std::uint32_t kForever = 0xFFFFFFFFu;
constexpr std::uint8_t kLeaveAge = 16;  // a child becomes a student (demography.cpp)
constexpr std::uint32_t kAttempts = 8;  // draws for one tie before it is given up

/// Draw index of attempt `t` of tie `j` in slot `slot` (0 classmates, 1 close friends,
/// 2 friends, 3 colleagues): draws 3 and up, after draw 2's donor and count words.
std::uint32_t draw_of(std::uint32_t slot, std::uint32_t j, std::uint32_t t) {
  return 3 + (slot << 16) + (j << 3) + t;
}

/// Half of `count` ties, the odd one by a coin (word w): a newcomer starts half their ties.
std::uint32_t half(std::uint32_t count, std::uint32_t w) {
  return count / 2 + ((count & 1) && w < 0x80000000u ? 1 : 0);
}

/// Element of `pool` picked by word w.
std::uint32_t pick(std::span<const std::uint32_t> pool, std::uint32_t w) {
  return pool[static_cast<std::size_t>((std::uint64_t{w} * pool.size()) >> 32)];
}

/// First step at which agent i, aged `age_now` at `step`, is `age` years old.
std::uint32_t step_turning(const sim::RandomStream& s, const sim::AgentStore& a, std::uint32_t i,
                           std::uint32_t step, unsigned age) {
  const std::uint32_t b = birthday_week(s, a, i);
  const std::uint32_t next = step + 1 + (b + 52 - (step + 1) % 52) % 52;
  return next + (age - a.age[i] - 1) * 52;
}

/// Ties one newcomer makes this week, chosen without repeating a tie they already have.
struct Chooser {
  const sim::StepContext& ctx;
  const TieOverlay& overlay;
  const sim::RandomStream& stream;
  std::uint32_t who;
  std::vector<PeerTie>& out;
  std::size_t first;  // where this newcomer's ties start in `out`

  bool tied(std::uint32_t j) const {
    if (j == who) return true;
    const auto frozen = ctx.network.neighbours_of(who);
    if (std::find(frozen.begin(), frozen.end(), j) != frozen.end()) return true;
    const auto made = overlay.neighbours_of(who);
    if (std::find(made.begin(), made.end(), j) != made.end()) return true;
    for (std::size_t k = first; k < out.size(); ++k)
      if (out[k].b == j) return true;
    return false;
  }
  /// Tie j of `slot` to the first untied person `draw` picks in kAttempts tries, if any.
  template <class Draw>
  void make(std::uint32_t slot, std::uint32_t j, std::uint8_t layer, Draw&& draw) {
    for (std::uint32_t t = 0; t < kAttempts; ++t) {
      const auto w = stream.words(ctx.step, who, draw_of(slot, j, t));
      const std::uint32_t other = draw(w);
      if (other == kForever || tied(other)) continue;
      out.push_back({who, other, layer, kForever});
      return;
    }
  }
};

}  // namespace

SchoolWork::SchoolWork(const SchoolWorkRules& rules, std::shared_ptr<World> world,
                       std::uint64_t seed, std::uint32_t replicate)
    : rules_(rules),
      world_(std::move(world)),
      seed_(seed),
      replicate_(replicate),
      stream_(seed, replicate, "demography") {}

void SchoolWork::prepare(const sim::Network& net, sim::AgentStore& a, sim::Ledger&) {
  layers_ = PeerLayers(net);
  groups_ = group_total(net);
  donors_ = Donors(net, a, layers_);
  age_seen_ = a.age;
  activity_seen_ = a.activity;
  ending_.clear();
  world_->school_ties_end = rules_.leaving && layers_.school != 0xff;
  world_->loose_ties.assign(a.size(), 0);
}

void SchoolWork::state(sim::StateVisitor& v) {
  sim::visit(v, "age_seen", age_seen_);
  sim::visit(v, "activity_seen", activity_seen_);
  sim::visit(v, "ending", ending_);
  sim::visit(v, "loose_ties", world_->loose_ties);
}

void SchoolWork::end_school_ties(std::uint32_t step) {
  // The overlay dropped ties with until < step at this week's publish; their counts go now.
  auto& loose = world_->loose_ties;
  while (!ending_.empty() && ending_.front().until < step) {
    std::pop_heap(ending_.begin(), ending_.end(), later);
    const Ending e = ending_.back();
    ending_.pop_back();
    for (const std::uint32_t i : {e.a, e.b})
      if (loose[i] > 0) --loose[i];
  }
}

std::vector<PeerTie> SchoolWork::choose(const sim::StepContext& ctx, const PeerPools& pools) const {
  const sim::AgentStore& a = ctx.agents;
  const double sd = rules_.child_friend_age_sd;
  return sim::collect_blocks<PeerTie>(a.size(), [&](std::size_t b, std::size_t e,
                                                    std::vector<PeerTie>& out) {
    for (std::size_t k = b; k < e; ++k) {
      if (!starting_[k] && !entering_[k]) continue;
      const auto i = static_cast<std::uint32_t>(k);
      const std::size_t g = group_of(ctx.network, i);
      const auto d = stream_.words(ctx.step, i, 2);
      Chooser c{ctx, world_->overlay, stream_, i, out, out.size()};
      if (entering_[k]) {
        const auto pool = pools.workers_of(g);
        const std::uint32_t n = pool.empty() ? 0 : donors_.pick(false, g, d[0]).workplace;
        for (std::uint32_t j = 0; j < n; ++j)
          c.make(3, j, kWorkplace, [&](const auto& w) { return pick(pool, w[0]); });
        continue;
      }
      const DonorCounts& donor = donors_.pick(true, g, d[0]);
      const auto year = pools.pupils_of(g, kSchoolStart);
      if (!year.empty()) {
        const std::size_t from = out.size();
        for (std::uint32_t j = 0; j < half(donor.school, d[3]); ++j)
          c.make(0, j, kSchool, [&](const auto& w) { return pick(year, w[0]); });
        // A classmate tie lasts until the first of the two becomes a student.
        const std::uint32_t own = ctx.step + (kLeaveAge - kSchoolStart) * 52;
        for (std::size_t t = from; t < out.size(); ++t)
          out[t].until = std::min(own, step_turning(stream_, a, out[t].b, ctx.step, kLeaveAge)) - 1;
      }
      // A friend of an age drawn around the child's own, the nearest year that has pupils.
      const auto friend_of = [&](const auto& w) {
        const double z = sim::words_normal(w[1], w[2]);
        const int target = std::clamp(static_cast<int>(std::lround(kSchoolStart + sd * z)),
                                      int{kSchoolStart}, int{kSchoolEnd});
        for (int dist = 0; dist <= kSchoolEnd - kSchoolStart; ++dist)
          for (const int age : {target - dist, target + dist})
            if (age >= kSchoolStart && age <= kSchoolEnd) {
              const auto pool = pools.pupils_of(g, static_cast<unsigned>(age));
              if (!pool.empty()) return pick(pool, w[0]);
            }
        return kForever;
      };
      const auto [close, wider] = friend_counts(ctx.step, i, donor, d);
      for (std::uint32_t j = 0; j < close; ++j) c.make(1, j, kCloseFriend, friend_of);
      for (std::uint32_t j = 0; j < wider; ++j) c.make(2, j, kFriend, friend_of);
    }
  });
}

std::pair<std::uint32_t, std::uint32_t> SchoolWork::friend_counts(
    std::uint32_t step, std::uint32_t i, const DonorCounts& donor,
    const r123::Philox4x32::ctr_type& d) const {
  if (rules_.close_friends < 0 || rules_.friends < 0)
    return {half(donor.close_friend, d[1]), half(donor.friend_, d[2])};
  // As the town generator: half the expected ties times a log-normal sociability of mean 1,
  // shared by both layers, the fraction by a coin.
  const auto w = stream_.words(step, i, draw_of(4, 0, 0));
  const double z = sim::words_normal(w[0], w[1]);
  const double sigma = rules_.sociability_sd;
  const double sociable = std::exp(sigma * z - 0.5 * sigma * sigma);
  const auto started = [](double degree, std::uint32_t word) {
    const double h = degree / 2;
    return static_cast<std::uint32_t>(h) + (sim::word_unit(word) < h - std::floor(h));
  };
  return {started(rules_.close_friends * sociable, w[2]), started(rules_.friends * sociable, w[3])};
}

void SchoolWork::run(sim::Phase, sim::StepContext& ctx) {
  if (ctx.seed != seed_ || ctx.replicate != replicate_) {
    seed_ = ctx.seed, replicate_ = ctx.replicate;
    stream_ = sim::RandomStream(seed_, replicate_, "demography");
  }
  end_school_ties(ctx.step);
  const sim::AgentStore& a = ctx.agents;
  const std::size_t n = a.size();
  starting_.assign(n, 0);
  entering_.assign(n, 0);
  constexpr auto kChild = static_cast<std::uint8_t>(Activity::Child);
  constexpr auto kStudent = static_cast<std::uint8_t>(Activity::Student);
  constexpr auto kEmployed = static_cast<std::uint8_t>(Activity::Employed);
  constexpr auto kUnemployed = static_cast<std::uint8_t>(Activity::Unemployed);
  sim::for_blocks(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      if (!a.is_present(i)) continue;
      starting_[i] = rules_.starting && a.activity[i] == kChild && a.age[i] == kSchoolStart &&
                     age_seen_[i] == kSchoolStart - 1;
      // Every entrant leaves the pool (they choose; none is chosen the week they enter), only
      // the employed make colleagues.
      const bool entered = activity_seen_[i] == kStudent &&
                           (a.activity[i] == kEmployed || a.activity[i] == kUnemployed);
      entering_[i] = rules_.working && entered ? (a.activity[i] == kEmployed ? 1 : 2) : 0;
    }
  });
  const bool starters = std::find(starting_.begin(), starting_.end(), 1) != starting_.end();
  const bool entrants = std::find(entering_.begin(), entering_.end(), 1) != entering_.end();
  made_.clear();
  if (starters || entrants) {
    const PeerPools pools =
        build_pools(ctx.network, a, {&starting_, &entering_, groups_, starters, entrants});
    for (auto& e : entering_) e = e == 1;
    made_ = choose(ctx, pools);
  }
  auto& loose = world_->loose_ties;
  for (const PeerTie& t : made_) {
    world_->overlay.add(t.a, t.b, world_->layer_tie_weight[t.layer], t.until);
    if (t.layer == kCloseFriend) continue;
    for (const std::uint32_t i : {t.a, t.b})
      if (loose[i] < 65535) ++loose[i];
    if (t.until != kForever) {
      ending_.push_back({t.until, t.a, t.b});
      std::push_heap(ending_.begin(), ending_.end(), later);
    }
  }
  age_seen_ = a.age;
  activity_seen_ = a.activity;
}

std::unique_ptr<SchoolWork> make_school_work(const sim::ParamSet& demography,
                                             const sim::ParamSet& network,
                                             std::shared_ptr<World> world, std::uint64_t seed,
                                             std::uint32_t replicate) {
  const DemographyRates r = demography_table().read(demography);
  SchoolWorkRules rules{r.starting_school, r.leaving_school, r.entering_work, 1.0};
  if (!r.enabled || (!rules.starting && !rules.leaving && !rules.working)) return nullptr;
  if (network.has("child_friend_age_sd"))
    rules.child_friend_age_sd = network.real("child_friend_age_sd");
  if (network.has("close_friends") && network.has("friends") && network.has("sociability_sd")) {
    rules.close_friends = network.real("close_friends");
    rules.friends = network.real("friends");
    rules.sociability_sd = network.real("sociability_sd");
  }
  return std::make_unique<SchoolWork>(rules, std::move(world), seed, replicate);
}

}  // namespace wellsim::models
