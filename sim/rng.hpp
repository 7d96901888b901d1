#pragma once
#include <Random123/philox.h>
#include <Random123/u01fixedpt.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace wellsim::sim {

/// Stable 32-bit id of a named stream (FNV-1a of the name), so a mechanism's draws never depend
/// on which other mechanisms exist (DESIGN invariant 2: common random numbers).
constexpr std::uint32_t stream_id(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

/// Counter-based random numbers keyed by (seed, replicate, stream, step, agent).
///
/// Every draw is a pure function of its key and a draw index, so its value cannot depend on
/// thread scheduling or on the order agents are visited (DESIGN invariant 1). Philox4x32-10
/// (Salmon et al., SC'11) passes BigCrush and costs ~10 ns per four 32-bit outputs.
class RandomStream {
 public:
  /// A stream for one named mechanism of one replicate.
  RandomStream(std::uint64_t seed, std::uint32_t replicate, std::string_view name)
      : key_{{static_cast<std::uint32_t>(seed),
              static_cast<std::uint32_t>(seed >> 32) ^ (replicate * 0x9E3779B9u)}},
        stream_(stream_id(name)) {}

  /// Four independent 32-bit words for (step, agent, draw).
  r123::Philox4x32::ctr_type words(std::uint32_t step, std::uint32_t agent,
                                   std::uint32_t draw = 0) const {
    r123::Philox4x32 philox;
    return philox({{stream_, step, agent, draw}}, key_);
  }

  /// A uniform double in (0, 1) for (step, agent, draw); never exactly 0 or 1.
  double uniform(std::uint32_t step, std::uint32_t agent, std::uint32_t draw = 0) const {
    auto w = words(step, agent, draw);
    std::uint64_t bits = (std::uint64_t{w[0]} << 32) | w[1];
    return u01fixedpt_open_open_64_double(bits);
  }

  /// A standard normal deviate for (step, agent, draw) by Box-Muller on two uniforms.
  double normal(std::uint32_t step, std::uint32_t agent, std::uint32_t draw = 0) const {
    auto w = words(step, agent, draw);
    double u1 = u01fixedpt_open_open_64_double((std::uint64_t{w[0]} << 32) | w[1]);
    double u2 = u01fixedpt_open_open_64_double((std::uint64_t{w[2]} << 32) | w[3]);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

  /// A uniform integer in [0, bound) for (step, agent, draw) (Lemire's multiply-shift).
  std::uint32_t below(std::uint32_t bound, std::uint32_t step, std::uint32_t agent,
                      std::uint32_t draw = 0) const {
    auto w = words(step, agent, draw);
    std::uint64_t x = (std::uint64_t{w[0]} << 32) | w[1];
    return static_cast<std::uint32_t>((static_cast<unsigned __int128>(x) * bound) >> 64);
  }

  /// The Philox key and the stream's counter word: what words_batch (rng_batch.hpp) needs.
  const r123::Philox4x32::key_type& key() const { return key_; }
  std::uint32_t stream_word() const { return stream_; }

 private:
  r123::Philox4x32::key_type key_;
  std::uint32_t stream_;
};

/// A uniform 32-bit word as a double in (0, 1): (w + 1/2) / 2^32, for mechanisms that spend the
/// words of one draw on several decisions.
inline double word_unit(std::uint32_t w) { return (w + 0.5) * (1.0 / 4294967296.0); }

/// A standard normal deviate from two uniform words, by Box-Muller.
inline double words_normal(std::uint32_t w1, std::uint32_t w2) {
  return std::sqrt(-2.0 * std::log(word_unit(w1))) * std::cos(6.283185307179586 * word_unit(w2));
}

/// True with probability p (clamped to [0, 1]) for a uniform 32-bit word: the word is read as a
/// threshold, so one word decides one event exactly as the mechanisms' documented draws say.
inline bool word_below(std::uint32_t word, double p) {
  return word < std::clamp(p, 0.0, 1.0) * 4294967296.0;
}

}  // namespace wellsim::sim
