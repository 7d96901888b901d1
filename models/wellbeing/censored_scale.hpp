#pragma once
// The ends of the 0-10 scale are censored: a person who answers 10 (or 0) may be anywhere above
// (or below) it, and the model must know how far for a response there to be stable.
//
// Why: wellbeing moves on a latent scale and is reported clipped to 0-10. If the week-0 latent
// value of a person answering 10 were exactly 10, every small fluctuation of their ties would
// take them below 10 half the time while upward ones are cut off, so the share at 10 (14% in the
// default town, ONS APS) would drain away and the SD shrink (1.90 -> 1.88 in a year) with no
// change of circumstances. Mechanism: each tail is fitted by a normal with the scale's mean whose
// tail beyond the end holds the share observed there (the Tobit reading of a bounded response,
// J. Tobin, "Estimation of relationships for limited dependent variables", Econometrica 26
// (1958) 24-36), and each person at an end gets a latent value drawn from that tail.
#include <vector>

namespace wellsim::models {

/// Normal fits of the two tails of week-0 wellbeing (see the file comment).
struct ScaleTails {
  double mean = 0;                         ///< mean of the reported values
  double top_share = 0, top_sd = 0;        ///< share answering 10, SD of the fitted upper tail
  double bottom_share = 0, bottom_sd = 0;  ///< share answering 0, SD of the fitted lower tail
};

/// Fits the tails of `x` (values on 0-10); a tail holding no one, or half or more of the people,
/// gets SD 0 (no latent spread beyond the end).
ScaleTails fit_tails(const std::vector<float>& x);

/// The latent value of a response `x`: x itself inside the scale, else the quantile `u` in (0, 1)
/// of the fitted tail beyond the end (u near 0: just beyond it).
float latent_value(const ScaleTails& tails, float x, double u);

}  // namespace wellsim::models
