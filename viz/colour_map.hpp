#pragma once
#include <array>
#include <cstdint>

namespace wellsim::viz {

/// A colour in sRGB, each channel in [0, 1].
struct Rgb {
  float r = 0, g = 0, b = 0;
};

/// A colour in CIE L*a*b* (D65 white): L* in [0, 100], distances roughly as people see them.
struct Lab {
  float l = 0, a = 0, b = 0;
};

/// An 8-bit sRGBA colour, the layout of the viewer's per-node colour buffer.
struct Rgba8 {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Rgba8&) const = default;
};

/// sRGB to CIE L*a*b*.
Lab to_lab(Rgb c);
/// CIE L*a*b* to sRGB, clamped to the gamut.
Rgb to_rgb(Lab c);
/// CIE76 colour difference (Euclidean distance in L*a*b*).
float delta_e(Lab p, Lab q);

/// Viridis (matplotlib's default), t in [0, 1]: dark blue to yellow, lightness rising evenly.
/// A degree-6 polynomial fit of the published table (error under 1% per channel).
Rgb viridis(float t);
/// Blue, white, red, t in [-1, 1]: straight lines in L*a*b* from a blue and a red of equal
/// lightness to white, so equal steps look equal and the sign reads at a glance.
Rgb blue_white_red(float t);

/// Which map a scale uses.
enum class MapKind : std::uint8_t {
  Sequential,  ///< viridis over [lo, hi] (wellbeing)
  Diverging,   ///< blue-white-red over [lo, hi], white at the midpoint (differences)
};

/// Values to colours: a map and the range its legend shows, sampled into a 256-entry table so
/// colouring 100,000 nodes each week costs one lookup per node.
class ColourScale {
 public:
  /// Number of table entries.
  static constexpr int kEntries = 256;
  /// A scale of `kind` over [lo, hi] (hi > lo).
  ColourScale(MapKind kind, float lo, float hi);
  /// The map.
  MapKind kind() const { return kind_; }
  /// Lower end of the legend.
  float lo() const { return lo_; }
  /// Upper end of the legend.
  float hi() const { return hi_; }
  /// Table index of `value`: its position in [lo, hi], clamped, rounded to an entry.
  int index(float value) const;
  /// The colour of `value` (clamped to the range; NaN is mid grey).
  Rgba8 colour(float value) const;
  /// Table entry `i` in [0, kEntries).
  Rgba8 entry(int i) const { return table_[static_cast<std::size_t>(i)]; }

 private:
  MapKind kind_;
  float lo_, hi_;
  std::array<Rgba8, kEntries> table_{};
};

/// Converts a colour in [0, 1] to 8 bits per channel, opaque.
Rgba8 to_rgba8(Rgb c);

}  // namespace wellsim::viz
