// Philox4x32-10 (Salmon et al., SC'11) for many counters abreast: see rng_batch.hpp.
//
// The round is Random123's (philox.h): with M0 = 0xD2511F53, M1 = 0xCD9E8D57,
//   (hi0, lo0) = M0 * c0, (hi1, lo1) = M1 * c2,  c = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0),
// and the key is bumped by (0x9E3779B9, 0xBB67AE85) before each round after the first. With
// AVX2 each 256-bit register holds one counter word of four agents in its 64-bit lanes, so one
// vpmuludq does four of the 32 x 32 -> 64-bit products (GCC does not vectorise the plain loop:
// it was measured scalar). The arithmetic is on 32-bit integers, so the words are exactly the
// scalar ones on every processor.
#include "sim/rng_batch.hpp"

#include <algorithm>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WELLSIM_PHILOX_AVX2 1
#endif

namespace wellsim::sim {

namespace {

constexpr std::uint32_t kLanes = 16;  // agents a call of the kernels below
constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
constexpr std::uint32_t kBump0 = 0x9E3779B9u, kBump1 = 0xBB67AE85u;

/// kLanes counters (stream, step, first + j, draw), ten rounds, four words each, one at a time.
void lanes_scalar(const RandomStream& stream, std::uint32_t step, std::uint32_t first,
                  std::uint32_t draw, std::uint32_t* out) {
  for (std::uint32_t j = 0; j < kLanes; ++j) {
    const auto w = stream.words(step, first + j, draw);
    std::copy(w.begin(), w.end(), out + 4 * j);
  }
}

#ifdef WELLSIM_PHILOX_AVX2
/// The same kLanes counters in four groups of four 64-bit lanes (a word's low half each).
__attribute__((target("avx2"))) void lanes_avx2(const RandomStream& stream, std::uint32_t step,
                                                std::uint32_t first, std::uint32_t draw,
                                                std::uint32_t* out) {
  constexpr int kGroups = kLanes / 4;
  const __m256i m0 = _mm256_set1_epi64x(kM0), m1 = _mm256_set1_epi64x(kM1);
  const __m256i low = _mm256_set1_epi64x(0xFFFFFFFFll);
  __m256i c0[kGroups], c1[kGroups], c2[kGroups], c3[kGroups];
  for (int g = 0; g < kGroups; ++g) {
    const std::uint32_t a = first + 4 * static_cast<std::uint32_t>(g);
    c0[g] = _mm256_set1_epi64x(stream.stream_word());
    c1[g] = _mm256_set1_epi64x(step);
    c2[g] = _mm256_set_epi64x(std::uint32_t(a + 3), std::uint32_t(a + 2), std::uint32_t(a + 1), a);
    c3[g] = _mm256_set1_epi64x(draw);
  }
  std::uint32_t k0 = stream.key()[0], k1 = stream.key()[1];
  for (int round = 0; round < 10; ++round) {
    if (round > 0) k0 += kBump0, k1 += kBump1;
    const __m256i key0 = _mm256_set1_epi64x(k0), key1 = _mm256_set1_epi64x(k1);
    for (int g = 0; g < kGroups; ++g) {
      const __m256i p0 = _mm256_mul_epu32(c0[g], m0), p1 = _mm256_mul_epu32(c2[g], m1);
      c0[g] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), c1[g]), key0);
      c2[g] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p0, 32), c3[g]), key1);
      c1[g] = _mm256_and_si256(p1, low);
      c3[g] = _mm256_and_si256(p0, low);
    }
  }
  for (int g = 0; g < kGroups; ++g) {
    alignas(32) std::uint64_t w[4][4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(w[0]), c0[g]);
    _mm256_store_si256(reinterpret_cast<__m256i*>(w[1]), c1[g]);
    _mm256_store_si256(reinterpret_cast<__m256i*>(w[2]), c2[g]);
    _mm256_store_si256(reinterpret_cast<__m256i*>(w[3]), c3[g]);
    for (int j = 0; j < 4; ++j)
      for (int k = 0; k < 4; ++k) out[16 * g + 4 * j + k] = static_cast<std::uint32_t>(w[k][j]);
  }
}

bool has_avx2() {
  static const bool yes = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return yes;
}
#endif

using Kernel = void (*)(const RandomStream&, std::uint32_t, std::uint32_t, std::uint32_t,
                        std::uint32_t*);

void batch(Kernel lanes, const RandomStream& stream, std::uint32_t step, std::uint32_t first,
           std::uint32_t count, std::uint32_t draw, std::uint32_t* out) {
  std::uint32_t done = 0;
  for (; done + kLanes <= count; done += kLanes)
    lanes(stream, step, first + done, draw, out + 4 * done);
  if (done == count) return;
  std::uint32_t tail[4 * kLanes];
  lanes(stream, step, first + done, draw, tail);
  std::copy(tail, tail + 4 * (count - done), out + 4 * done);
}

}  // namespace

void words_batch(const RandomStream& stream, std::uint32_t step, std::uint32_t first,
                 std::uint32_t count, std::uint32_t draw, std::uint32_t* out) {
#ifdef WELLSIM_PHILOX_AVX2
  if (has_avx2()) return batch(lanes_avx2, stream, step, first, count, draw, out);
#endif
  batch(lanes_scalar, stream, step, first, count, draw, out);
}

void words_batch_scalar(const RandomStream& stream, std::uint32_t step, std::uint32_t first,
                        std::uint32_t count, std::uint32_t draw, std::uint32_t* out) {
  batch(lanes_scalar, stream, step, first, count, draw, out);
}

}  // namespace wellsim::sim
