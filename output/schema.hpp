#pragma once
#include <array>
#include <cstdint>

#include "sim/step_stats.hpp"

namespace wellsim::output {

/// Value of the root attribute `schema` of every run file.
inline constexpr const char* kSchemaName = "wellsim-run";

/// Version of the layout this build writes and the newest it reads. Bump it (and document the
/// change in docs/output-format.md) whenever a dataset or attribute changes meaning or type.
inline constexpr std::uint32_t kSchemaVersion = 3;

/// One per-step statistic: its dataset name under /steps and the StepStats field it holds.
struct StatField {
  const char* name;                ///< dataset name under /steps
  double sim::StepStats::*member;  ///< the field of sim::StepStats
};

/// Every per-step statistic, in the order of sim::StepStats; writer and reader share this list.
inline constexpr std::array<StatField, 11> kStatFields{{
    {"mean", &sim::StepStats::mean},
    {"sd", &sim::StepStats::sd},
    {"min", &sim::StepStats::min},
    {"max", &sim::StepStats::max},
    {"p10", &sim::StepStats::p10},
    {"p25", &sim::StepStats::p25},
    {"median", &sim::StepStats::median},
    {"p75", &sim::StepStats::p75},
    {"p90", &sim::StepStats::p90},
    {"share_low", &sim::StepStats::share_low},
    {"share_high", &sim::StepStats::share_high},
}};

}  // namespace wellsim::output
