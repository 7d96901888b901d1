// Keys shared by the programmes that make community ties: see tie_forming.hpp.
#include "models/interventions/tie_forming.hpp"

namespace wellsim::models {

std::vector<sim::ParamSpec> tie_params(double rate, const std::string& rate_source) {
  using sim::ParamType;
  return {
      {"tie_rate", ParamType::Real,
       "weekly probability that a participant makes a new tie at the programme (" + rate_source +
           ")",
       "1/week", rate, 0.0, 1.0},
      {"tie_weight", ParamType::Real,
       "weight of a programme tie in influence and support (a friend tie weighs 1; judgement)", "",
       0.5, 0.0, 10.0},
      {"tie_weeks", ParamType::Integer,
       "weeks a programme tie lasts after the meeting that made it (judgement)", "weeks",
       std::int64_t{26}, 1.0, 1e6},
  };
}

TieRule read_tie_rule(const sim::ParamSet& p) {
  return {p.real("tie_rate"), static_cast<float>(p.real("tie_weight")),
          static_cast<std::uint32_t>(p.integer("tie_weeks"))};
}

}  // namespace wellsim::models
