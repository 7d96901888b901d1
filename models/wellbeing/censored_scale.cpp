// Latent values behind the ends of the 0-10 scale: see censored_scale.hpp.
#include "models/wellbeing/censored_scale.hpp"

#include <boost/math/distributions/normal.hpp>

namespace wellsim::models {

namespace {

constexpr float kScaleTop = 10.f, kScaleBottom = 0.f;

/// SD of a normal with `mean` whose tail beyond `end` holds `share` (0 when not identified).
double tail_sd(double mean, double end, double share) {
  if (share <= 0 || share >= 0.5) return 0;
  const boost::math::normal z;
  const double q = boost::math::quantile(z, 1 - share);  // > 0 for share < 0.5
  const double gap = end > mean ? end - mean : mean - end;
  return gap / q;
}

}  // namespace

ScaleTails fit_tails(const std::vector<float>& x) {
  ScaleTails t;
  if (x.empty()) return t;
  double sum = 0;
  std::size_t top = 0, bottom = 0;
  for (float v : x) {
    sum += v;
    top += v >= kScaleTop;
    bottom += v <= kScaleBottom;
  }
  const double n = static_cast<double>(x.size());
  t.mean = sum / n;
  t.top_share = static_cast<double>(top) / n;
  t.bottom_share = static_cast<double>(bottom) / n;
  if (t.mean > kScaleBottom && t.mean < kScaleTop) {
    t.top_sd = tail_sd(t.mean, kScaleTop, t.top_share);
    t.bottom_sd = tail_sd(t.mean, kScaleBottom, t.bottom_share);
  }
  return t;
}

float latent_value(const ScaleTails& t, float x, double u) {
  const boost::math::normal z;
  if (x >= kScaleTop && t.top_sd > 0) {
    // Quantile 1 - share * u of the fitted normal: at or above 10.
    const double q = boost::math::quantile(z, 1 - t.top_share * u);
    return static_cast<float>(std::max<double>(kScaleTop, t.mean + t.top_sd * q));
  }
  if (x <= kScaleBottom && t.bottom_sd > 0) {
    const double q = boost::math::quantile(z, t.bottom_share * u);
    return static_cast<float>(std::min<double>(kScaleBottom, t.mean + t.bottom_sd * q));
  }
  return x;
}

}  // namespace wellsim::models
