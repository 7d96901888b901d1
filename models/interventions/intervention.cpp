// Common keys of every intervention, read once (see intervention.hpp and types.cpp).
#include "models/interventions/intervention.hpp"

#include "sim/errors.hpp"

namespace wellsim::models {

Intervention::Intervention(const InterventionSetup& s)
    : params_(s.entry.values),
      type_(s.entry.variant),
      path_(s.entry.file.empty() ? s.scenario_path : s.entry.file),
      line_(s.entry.line),
      index_(s.index),
      world_(s.world) {
  label_ = params_.string("name");
  if (label_.empty()) label_ = type_;
  start_ = static_cast<std::uint32_t>(params_.integer("start_week"));
  end_ = static_cast<std::uint32_t>(params_.integer("end_week"));
  costs_.fixed = params_.real("cost_fixed");
  costs_.per_week = params_.real("cost_per_week");
  costs_.per_participant = params_.real("cost_per_participant");
  costs_.per_participant_week = params_.real("cost_per_participant_week");
  target_ = Target(params_.strings("target.neighbourhoods"), params_.strings("target.filter"),
                   s.network, at(""));
}

std::string Intervention::at(const std::string& key) const {
  return sim::where(path_, line_) + "intervention[" + std::to_string(index_) + "]." + key +
         (key.empty() ? "" : ": ");
}

}  // namespace wellsim::models
