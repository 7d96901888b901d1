// Colour scales for wellbeing and differences, interpolated in CIE L*a*b* so equal steps of
// wellbeing look like equal steps of colour; kept headless so tests can check them.
#include "viz/colour_map.hpp"

#include <algorithm>
#include <cmath>

namespace wellsim::viz {

namespace {

// D65 reference white, the white point of sRGB.
constexpr double kXn = 0.95047, kYn = 1.0, kZn = 1.08883;

double to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double to_gamma(double c) {
  c = std::clamp(c, 0.0, 1.0);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}
double lab_f(double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; }
double lab_f_inv(double f) {
  return f * f * f > 216.0 / 24389 ? f * f * f : (116 * f - 16) * 27 / 24389;
}

Lab mix(Lab p, Lab q, float s) {
  return {p.l + s * (q.l - p.l), p.a + s * (q.a - p.a), p.b + s * (q.b - p.b)};
}

// Ends of the diverging map: near ColorBrewer RdBu's #2166AC and #B2182B, with lightness (42) and
// distance from white (about 80) levelled so neither sign looks stronger, inside the sRGB gamut;
// white slightly below 100 so it still shows on a white page.
constexpr Lab kBlue{42.0f, 16.0f, -55.0f};
constexpr Lab kRed{42.0f, 48.0f, 34.0f};
constexpr Lab kWhite{97.0f, 0.0f, 0.0f};

}  // namespace

Lab to_lab(Rgb c) {
  const double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
  const double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  const double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
  const double fx = lab_f(x / kXn), fy = lab_f(y / kYn), fz = lab_f(z / kZn);
  return {float(116 * fy - 16), float(500 * (fx - fy)), float(200 * (fy - fz))};
}

Rgb to_rgb(Lab c) {
  const double fy = (c.l + 16) / 116.0, fx = fy + c.a / 500.0, fz = fy - c.b / 200.0;
  const double x = kXn * lab_f_inv(fx), y = kYn * lab_f_inv(fy), z = kZn * lab_f_inv(fz);
  const double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  const double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
  const double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  return {float(to_gamma(r)), float(to_gamma(g)), float(to_gamma(b))};
}

float delta_e(Lab p, Lab q) {
  return std::sqrt((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) +
                   (p.b - q.b) * (p.b - q.b));
}

Rgb viridis(float t) {
  // Degree-6 fit of matplotlib's table ("viridis approximation" by mattz on Shadertoy, CC0):
  // a formula instead of a 256-row table, per channel, lowest power first.
  static constexpr double c[7][3] = {{0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
                                     {0.1050930431085774, 1.404613529898575, 1.384590162594685},
                                     {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
                                     {-4.634230498983486, -5.799100973351585, -19.33244095627987},
                                     {6.228269936347081, 14.17993336680509, 56.69055260068105},
                                     {4.776384997670288, -13.74514537774601, -65.35303263337234},
                                     {-5.435455855934631, 4.645852612178535, 26.3124352495832}};
  const double x = std::clamp(double(t), 0.0, 1.0);
  double out[3];
  for (int ch = 0; ch < 3; ++ch) {
    double v = c[6][ch];
    for (int k = 5; k >= 0; --k) v = v * x + c[k][ch];
    out[ch] = std::clamp(v, 0.0, 1.0);
  }
  return {float(out[0]), float(out[1]), float(out[2])};
}

Rgb blue_white_red(float t) {
  t = std::clamp(t, -1.0f, 1.0f);
  return to_rgb(t < 0 ? mix(kWhite, kBlue, -t) : mix(kWhite, kRed, t));
}

Rgba8 to_rgba8(Rgb c) {
  auto q = [](float v) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255));
  };
  return {q(c.r), q(c.g), q(c.b), 255};
}

ColourScale::ColourScale(MapKind kind, float lo, float hi) : kind_(kind), lo_(lo), hi_(hi) {
  if (!(hi_ > lo_)) hi_ = lo_ + 1.0f;
  for (int i = 0; i < kEntries; ++i) {
    const float t = float(i) / float(kEntries - 1);
    table_[static_cast<std::size_t>(i)] =
        to_rgba8(kind == MapKind::Sequential ? viridis(t) : blue_white_red(2 * t - 1));
  }
}

int ColourScale::index(float value) const {
  const float t = std::clamp((value - lo_) / (hi_ - lo_), 0.0f, 1.0f);
  return static_cast<int>(std::lround(t * float(kEntries - 1)));
}

Rgba8 ColourScale::colour(float value) const {
  if (std::isnan(value)) return {128, 128, 128, 255};
  return table_[static_cast<std::size_t>(index(value))];
}

}  // namespace wellsim::viz
