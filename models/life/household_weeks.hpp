#pragma once
// What the household mechanisms of [family] and [neighbours] share: a random stream that follows
// the run's seed and replicate, and a week that goes household by household in fixed blocks.
#include <cstdint>
#include <vector>

#include "models/community/world.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/engine.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// Re-keys `stream` (named `name`) when this step belongs to another seed or replicate than the
/// one it was made for: a mechanism is reused across replicates, its draws must not be.
inline void follow_run(sim::RandomStream& stream, std::uint64_t& seed, std::uint32_t& replicate,
                       const sim::StepContext& ctx, const char* name) {
  if (ctx.seed == seed && ctx.replicate == replicate) return;
  seed = ctx.seed, replicate = ctx.replicate;
  stream = sim::RandomStream(seed, replicate, name);
}

/// Calls `week(first, end, out)` for every household with members [first, end), in fixed
/// blocks, and records the events in block order: the same for any thread count.
template <class Week>
void household_weeks(const World& world, sim::StepContext& ctx, Week&& week) {
  const auto* hs = world.household_start.data();
  const std::size_t households = world.household_start.size() - 1;
  auto events = sim::collect_blocks<sim::Event>(
      households, [&](std::size_t hb, std::size_t he, std::vector<sim::Event>& out) {
        for (std::size_t h = hb; h < he; ++h)
          if (hs[h] != hs[h + 1]) week(hs[h], hs[h + 1], out);
      });
  ctx.ledger.record(events);
}

}  // namespace wellsim::models
