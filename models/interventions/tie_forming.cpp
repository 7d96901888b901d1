// Keys shared by the programmes that make community ties: see tie_forming.hpp.
#include "models/interventions/tie_forming.hpp"

namespace wellsim::models {

sim::ParamTable<TieRule> tie_table(double rate, const std::string& rate_source) {
  sim::ParamTable<TieRule> t;
  t.add("tie_rate", &TieRule::rate, rate)
      .range(0, 1)
      .unit("1/week")
      .help("weekly probability that a participant makes a new tie at the programme (" +
            rate_source + ")");
  t.add("tie_weight", &TieRule::weight, 0.5)
      .range(0, 10)
      .help(
          "weight of a programme tie in influence and support (a friend tie weighs 1; "
          "judgement)");
  t.add("tie_weeks", &TieRule::weeks, 26)
      .range(1, 1e6)
      .unit("weeks")
      .help("weeks a programme tie lasts after the meeting that made it (judgement)");
  return t;
}

}  // namespace wellsim::models
