#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// The keys of [wellbeing] when model = "friedkin_johnsen".
struct FriedkinJohnsenParams {
  double susceptibility = 0.5;        ///< lambda of every agent
  std::vector<double> layer_weights;  ///< one per network layer; empty = all equal
};

/// Friedkin-Johnsen social influence with anchoring: x(t+1) = L W x(t) + (I - L) u.
class FriedkinJohnsen : public sim::Mechanism {
 public:
  /// Its keys in [wellbeing] (besides `model`), each declared once.
  static const sim::ParamTable<FriedkinJohnsenParams>& table();
  /// The declarations of table().
  static const std::vector<sim::ParamSpec>& params();
  /// Builds it for a network: W is the row-normalised adjacency weighted by tie weight and by
  /// `layer_weights` (one per network layer, in layer order; empty means all 1).
  FriedkinJohnsen(const sim::Network& net, std::vector<float> layer_weights);
  /// Its name and random-stream name.
  std::string name() const override { return "wellbeing.friedkin_johnsen"; }
  /// Runs in the wellbeing-update phase only.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::WellbeingUpdate); }
  /// One FJ step: writes every agent's `wellbeing_next` from the neighbours' `wellbeing`.
  void run(sim::Phase phase, sim::StepContext& ctx) override;

 private:
  bool uniform_rows_;                // every tie weighs the same: W_ij = 1/deg(i)
  std::vector<float> inv_weight_;    // per agent: 1 / (sum of its row's weights); 0 for isolates
  std::vector<float> entry_weight_;  // per entry, only when ties differ in weight (else empty)
  // x_i(t+1) = scale_i * (row sum) + offset_i, folded once from lambda, 1/weight and u so the hot
  // loop streams two per-agent columns instead of four. Susceptibility and anchors are fixed for
  // a run in this model; a mechanism that changes them must construct a new FriedkinJohnsen.
  std::vector<float> scale_, offset_;
  // When every tie and every agent's lambda are alike, scale_i depends on the degree alone:
  // by_degree_[d] = lambda / d (lambda at 0) for d below kDegreeTable, and scale_ stays empty.
  std::vector<float> by_degree_;
  static constexpr std::uint64_t kDegreeTable = 4096;
  /// Folds scale_ (or by_degree_) and offset_ from the agents' lambda and anchors.
  void fold(const sim::Network& net, const sim::AgentStore& a);
};

}  // namespace wellsim::models
