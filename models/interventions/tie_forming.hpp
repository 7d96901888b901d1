#pragma once
// New community ties made by programmes (social prescribing, hubs, youth projects, warm spaces,
// inclusion work): each person of a list, with a weekly probability, meets one partner chosen by
// the type, and the pair is added to the World's tie overlay, visible from the next publish.
//
// Why this way: proposals are drawn in parallel over fixed blocks (draws keyed by (step, agent))
// and added to the overlay on one thread in list order, so the overlay — which is not
// thread-safe — receives the same ties in the same order for any thread count (DESIGN
// invariants 1 and 5). A tie lasts `weeks` after the meeting that made it; meeting again renews
// it (the overlay keeps the later end). Source for tie formation at shared activities: Feld
// (1981) "The focused organization of social ties" — shared foci make ties; rates are judgement.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "models/community/world.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/engine.hpp"
#include "sim/param_table.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// How a programme's ties form.
struct TieRule {
  double rate = 0;          ///< weekly probability a participant makes a tie
  float weight = 1;         ///< tie weight in influence and support
  std::uint32_t weeks = 0;  ///< weeks a tie lasts after the meeting that made it
};

/// For each person in `from` (in order), with probability rule.rate (draw `draw`), a partner from
/// `pick(agent, uniform_draw_index)` (kNoAgent for none); pairs come back in `from` order.
template <class Pick>
std::vector<std::pair<std::uint32_t, std::uint32_t>> propose_ties(
    const std::vector<std::uint32_t>& from, const TieRule& rule, const sim::RandomStream& rng,
    std::uint32_t step, std::uint32_t draw, Pick&& pick) {
  using Pair = std::pair<std::uint32_t, std::uint32_t>;
  if (rule.rate <= 0 || from.empty()) return {};
  return sim::collect_blocks<Pair>(from.size(),
                                   [&](std::size_t b, std::size_t e, std::vector<Pair>& out) {
                                     for (std::size_t k = b; k < e; ++k) {
                                       const std::uint32_t i = from[k];
                                       if (rng.uniform(step, i, draw) >= rule.rate) continue;
                                       const std::uint32_t j = pick(i);
                                       if (j != sim::kNoAgent && j != i) out.emplace_back(i, j);
                                     }
                                   });
}

/// Adds proposed ties to the overlay in order and records a `kind` event for each (agent = the
/// participant, other = the new friend).
inline void add_ties(World& world, sim::StepContext& ctx, std::uint16_t kind, const TieRule& rule,
                     const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  for (const auto& [i, j] : pairs) {
    world.overlay.add(i, j, rule.weight, ctx.step + rule.weeks);
    ctx.ledger.record(sim::Event{ctx.step, i, j, kind, 0});
  }
}

/// Ties among the people of `peers`: each, with probability rule.rate, meets one other chosen
/// uniformly (draws `draw` and `draw + 1`).
inline void peer_ties(World& world, sim::StepContext& ctx, const sim::RandomStream& rng,
                      const std::vector<std::uint32_t>& peers, const TieRule& rule,
                      std::uint32_t draw, std::uint16_t kind) {
  const auto size = static_cast<std::uint32_t>(peers.size());
  auto pairs = propose_ties(peers, rule, rng, ctx.step, draw, [&](std::uint32_t i) {
    return peers[rng.below(size, ctx.step, i, draw + 1)];
  });
  add_ties(world, ctx, kind, rule, pairs);
}

/// The common keys of tie-making programmes, `tie_rate` (default `rate`, from `rate_source`),
/// `tie_weight` and `tie_weeks`, bound to a TieRule.
sim::ParamTable<TieRule> tie_table(double rate, const std::string& rate_source);

}  // namespace wellsim::models
