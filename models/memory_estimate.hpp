#pragma once
// How much memory a scenario's run needs, estimated from its keys before anything is built, and
// the refusal of a scenario that cannot fit this machine (docs/reliability.md, "Input limits").
// Without it a stochastic block model of the documented maximum of 2^32 - 2 agents passed
// `validate` and `run` ground through swap for hours before failing. The estimate is a lower
// bound from measured runs (docs/performance.md: 213 bytes per agent for an opinion network of
// 1,000,000 agents and 5,000,000 ties, 428 bytes per person for a town), so what it refuses
// could not have run, and what runs today is never refused.
#include <cstdint>

#include "sim/scenario.hpp"

namespace wellsim::models {

/// Bytes of memory held per agent of an opinion (non-community) run, besides its ties.
inline constexpr double kBytesPerAgent = 60;
/// Bytes per undirected tie of an opinion run (two CSR entries, the tie list while freezing).
inline constexpr double kBytesPerTie = 30;
/// Bytes per person of a community run, ties included (docs/performance.md, "Peak memory":
/// 276 measured at 1,000,000 people, 250 at 5,000,000, once the freeze kept one copy of the ties).
/// Nothing grows with people x neighbourhoods: the community statistics hold counters for the few
/// neighbourhoods each block of people touches (models/community/community_stats.cpp), so
/// scenarios/uk.toml's 8,450 neighbourhoods add megabytes, not the 15.6 GB they once did.
inline constexpr double kBytesPerPerson = 250;
/// Bytes per row that [demography] adds: presence, sex and dropped-tie marks (1 each), the
/// writer's copy of the living people's wellbeing for the per-step figures (4), and the weeks
/// each row entered and left the town (4 each).
inline constexpr double kBytesPerPersonDemography = 15;

/// Rows reserved for births per week-0 person in a run of `weeks` (models/population/reserve.cpp),
/// interpolated between shares measured on the default town at fertility_scale 1: 0.16 for a
/// year, 0.45 for ten, 0.79 for thirty (docs/performance.md), and 0.85 from fifty years on
/// (the reserve is for the week-0 women, whose childbearing years end within 35 years).
double birth_reserve_share(double weeks);

/// The least memory a run of `sc` needs, in bytes; 0 when its size is known only from files
/// (imported networks and village files, which are bounded in size instead).
[[nodiscard]] double estimated_run_bytes(const sim::Scenario& sc);

/// Memory this process may use: physical memory, or a smaller cgroup (container, Slurm) limit.
[[nodiscard]] std::uint64_t usable_memory_bytes();

/// Throws InputError "SCENARIO: network: about N GiB of memory needed for A agents and T ties,
/// more than the M GiB this machine has ..." when the estimate exceeds usable_memory_bytes().
void check_memory(const sim::Scenario& sc);

}  // namespace wellsim::models
