// Colour maps: perceptual uniformity checked in CIE L*a*b*, the space the maps are judged in.
#include "viz/colour_map.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

using namespace wellsim::viz;

namespace {

/// Colour differences between 17 equally spaced samples of `map` over [a, b].
template <typename Map>
std::vector<float> steps_of(Map map, float a, float b) {
  std::vector<float> d;
  for (int k = 0; k < 16; ++k)
    d.push_back(delta_e(to_lab(map(a + (b - a) * float(k) / 16)),
                        to_lab(map(a + (b - a) * float(k + 1) / 16))));
  return d;
}

void check_even(const std::vector<float>& d, float tolerance) {
  float mean = 0;
  for (float x : d) mean += x / float(d.size());
  for (float x : d) CHECK(std::fabs(x - mean) <= tolerance * mean);
}

}  // namespace

TEST_CASE("sRGB and L*a*b* convert both ways", "[viz]") {
  for (Rgb c : {Rgb{0, 0, 0}, Rgb{1, 1, 1}, Rgb{0.2f, 0.5f, 0.9f}, Rgb{0.9f, 0.1f, 0.3f}}) {
    const Rgb back = to_rgb(to_lab(c));
    CHECK(back.r == Approx(c.r).margin(1e-4));
    CHECK(back.g == Approx(c.g).margin(1e-4));
    CHECK(back.b == Approx(c.b).margin(1e-4));
  }
  CHECK(to_lab({1, 1, 1}).l == Approx(100).margin(0.01));
  CHECK(to_lab({0, 0, 0}).l == Approx(0).margin(0.01));
}

TEST_CASE("viridis matches its published ends and rises evenly in lightness", "[viz]") {
  // matplotlib's _viridis_data[0], [128] and [255].
  const Rgb lo = viridis(0), mid = viridis(128 / 255.0f), hi = viridis(1);
  CHECK(delta_e(to_lab(lo), to_lab({0.267004f, 0.004874f, 0.329415f})) < 2.5f);
  CHECK(delta_e(to_lab(mid), to_lab({0.120081f, 0.566949f, 0.550556f})) < 2.5f);
  CHECK(delta_e(to_lab(hi), to_lab({0.993248f, 0.906157f, 0.143936f})) < 2.5f);
  float last = -1;
  for (int k = 0; k <= 64; ++k) {
    const float l = to_lab(viridis(k / 64.0f)).l;
    CHECK(l > last);
    last = l;
  }
  // Viridis is uniform in CAM02-UCS; CIE76 distances, measured here, vary more along it.
  check_even(steps_of(viridis, 0, 1), 0.45f);
}

TEST_CASE("the diverging map is white in the middle, symmetric and even", "[viz]") {
  const Lab mid = to_lab(blue_white_red(0));
  CHECK(mid.l > 95);
  CHECK(std::hypot(mid.a, mid.b) < 1.0f);
  const Lab blue = to_lab(blue_white_red(-1)), red = to_lab(blue_white_red(1));
  CHECK(blue.b < -30);  // blue
  CHECK(red.a > 40);    // red
  CHECK(blue.l == Approx(red.l).margin(1.0));
  // Equal steps from white look equal on both sides.
  CHECK(delta_e(mid, blue) == Approx(delta_e(mid, red)).epsilon(0.03));
  CHECK(std::hypot(blue.a, blue.b) == Approx(std::hypot(red.a, red.b)).epsilon(0.05));
  check_even(steps_of(blue_white_red, -1, 0), 0.05f);
  check_even(steps_of(blue_white_red, 0, 1), 0.05f);
}

TEST_CASE("a colour scale clamps to its legend and shows NaN as grey", "[viz]") {
  const ColourScale s(MapKind::Sequential, 0, 10);
  CHECK(s.colour(-3) == s.entry(0));
  CHECK(s.colour(42) == s.entry(ColourScale::kEntries - 1));
  CHECK(s.colour(5) == s.entry(128));
  CHECK(s.colour(std::nanf("")) == Rgba8{128, 128, 128, 255});
  CHECK(s.entry(0) == to_rgba8(viridis(0)));
  const ColourScale d(MapKind::Diverging, -0.5f, 0.5f);
  const Rgba8 white = d.colour(0);
  CHECK(white.r > 240);
  CHECK(white.g > 240);
  CHECK(white.b > 240);
  CHECK(d.colour(-0.5f).b > d.colour(-0.5f).r);
  CHECK(d.colour(0.5f).r > d.colour(0.5f).b);
}
