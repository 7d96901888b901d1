#pragma once
// How closely week-0 wellbeing follows week-0 circumstances, so that a run without change stays
// where it starts (a stationary baseline).
//
// Mechanism: week-0 values are assigned by rank of E_i + sigma z_i (E_i: the effects of i's
// circumstances, z_i standard normal). Under the dynamics a lasting change of a person's own
// circumstances moves their equilibrium wellbeing by the share c_i = 1 - lambda'_i of it, with
// lambda'_i = lambda / (lambda + (1 - lambda) alpha) (Friedkin-Johnsen; the rest spreads over
// their ties; isolates take it all, c_i = 1). The rank map is close to linear with slope
// SD(x) / SD(score), so sigma = sqrt(SD(x)^2 / c^2 - Var(E)) gives week 0 the slope c that the
// dynamics keep. A fixed sigma of 1.5 gave slope ~1.2: as circumstances changed, people drifted
// back towards the dynamics' weaker link and the SD of the default town fell 1.90 -> 1.89
// within a year and kept falling (-0.013 in ten years); with the derived sigma (~3.8 with the
// defaults) it holds within 0.002 (tests/models/system/stationary_baseline_test.cpp).
#include <vector>

namespace wellsim::models {

/// sigma for week-0 ranking (see the file comment): `wellbeing` the calibrated values, `effects`
/// each person's E_i, `tied` whether they have ties (row weight > 0); lambda and alpha as in
/// [wellbeing]. 0 when the effects alone already spread wider than the values allow.
double stationary_rank_noise(const std::vector<float>& wellbeing, const std::vector<float>& effects,
                             const std::vector<float>& tie_weight, double lambda, double alpha);

}  // namespace wellsim::models
