#pragma once
// The cost-of-living burden: the graded route by which rising prices strain households that no
// fixed income threshold reaches (difficulty paying energy bills, the risk of food insecurity).
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/rng.hpp"

namespace wellsim::models {

/// Each household's tolerance of its energy-and-food burden and the two locations that turn a
/// burden into difficulty paying energy bills and a risk of food insecurity (see the .cpp).
class CostBurden {
 public:
  /// Share of `costs` in the income they are paid from, disposable + costs (per equivalised
  /// adult, GBP/week): with the energy cost, the energy share of income after housing and food.
  /// An income below costs / kMaxBurden counts as kMaxBurden.
  static double burden(double disposable, double costs);
  /// Largest burden the rule reads (costs at least as large as the income after housing).
  static constexpr double kMaxBurden = 4.0;

  /// The logistic scale `spread` (of log burden) and each household's tolerance draw from the
  /// "cost_of_living" stream at step 0 (keyed by the head), so no other mechanism's draws move.
  CostBurden(double spread, const std::vector<std::uint32_t>& household_start,
             const sim::RandomStream& stream);
  /// Margin on the logit scale of the household headed by `head` at burden `b` over location
  /// `loc`: (ln b - loc) / spread + z_head, where z = logit(u) and u is the tolerance draw. It is
  /// above 0 with probability logistic((ln b - loc) / spread) over the draws.
  double margin(double b, double loc, std::uint32_t head) const {
    return log_margin(std::log(b), loc, head);
  }
  /// margin() from ln b, so that two locations tested at one burden take one log.
  double log_margin(double log_b, double loc, std::uint32_t head) const {
    return (log_b - loc) / spread_ + z_[head];
  }
  /// The location at which the people of the households above 0 are `share` of all people:
  /// `burdens` per household (index h), members from `household_start`. Exact to one household.
  double solve_location(const std::vector<double>& burdens, double share,
                        const std::vector<std::uint32_t>& household_start) const;

  double energy_loc = 0;  ///< difficulty paying energy bills: margin over it > 0
  double food_loc = 0;    ///< at risk of food insecurity: margin over it > 0

 private:
  double spread_;
  std::vector<double> z_;  // per agent; only heads' entries are read
};

}  // namespace wellsim::models
