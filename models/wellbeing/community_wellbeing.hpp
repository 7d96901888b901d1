#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/community/world.hpp"
#include "models/wellbeing/effect_tables.hpp"
#include "sim/engine.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// Circumstance effects on life satisfaction (points on the 0-10 scale), read from [wellbeing].
struct CircumstanceEffects {
  float domain[kDomainCount] = {};  ///< per Domain bit
  float unemployed = 0, log_income = 0, partnered = 0, widowed = 0;
  float buffer = 0, support_ties = 5, income_floor = 10;
};

/// The community wellbeing model: life satisfaction relaxes towards a target set by a person's
/// circumstances and is pulled towards their ties' wellbeing (see the .cpp for the model).
class CommunityWellbeing : public sim::Mechanism {
 public:
  /// Its keys in [wellbeing] when model = "community" (besides `model`), each declared once and
  /// bound to the member it sets.
  static const sim::ParamTable<CommunityWellbeing>& table();
  /// The declarations of table().
  static const std::vector<sim::ParamSpec>& params();
  /// Builds it for a frozen network. `seed` and `replicate` key the week-0 rank noise.
  CommunityWellbeing(const sim::Network& net, const sim::ParamSet& params,
                     std::shared_ptr<World> world, std::uint64_t seed = 0,
                     std::uint32_t replicate = 0);
  /// Its name and random-stream name.
  std::string name() const override { return "wellbeing.community"; }
  /// Runs in the wellbeing-update phase only.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::WellbeingUpdate); }
  /// Week 0: reassigns the calibrated values by circumstance rank and solves set points so that
  /// week 0 is a fixed point.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// One week: writes every agent's `wellbeing_next`.
  void run(sim::Phase phase, sim::StepContext& ctx) override;

  /// The latent wellbeing behind the reported values (censored_scale.hpp).
  void state(sim::StateVisitor& v) override { sim::visit(v, "latent", latent_); }

  /// Sum of agent i's circumstance effects now (support-buffered), in points.
  float effect_sum(const sim::AgentStore& a, std::uint32_t i) const;

 private:
  /// Social term of agent i: sum_j w_ij x_j over frozen and overlay ties, and the row's weight.
  std::shared_ptr<World> world_;
  CircumstanceEffects fx_;
  EffectTables tables_;  // of fx_, built once (effect_tables.hpp)
  float lambda_, alpha_, noise_sd_;
  std::vector<double> age_profile_;    // week-0 band means minus the 16+ mean (week0_ranks.hpp)
  std::vector<double> layer_weights_;  // by kLayerNames, then community (read, then expanded)
  std::uint64_t seed_;
  std::uint32_t replicate_;
  float layer_weight_[256];           // by network layer index
  float community_weight_;            // weight of an overlay tie (times its own weight)
  int mode_;                          // 0 all ties equal, 1 by layer, 2 per-entry weights
  std::uint8_t school_layer_ = 0xff;  // layer code of school ties that end ([demography]), or none
  std::vector<float> entry_weight_;   // mode 2 only
  std::vector<float> row_weight_;     // per agent: total weight of its frozen ties
  std::vector<float> latent_;         // per agent: wellbeing before clipping to 0-10
  double median_ = 1;  // world.median_income at prepare (reference of the income term)
};

}  // namespace wellsim::models
