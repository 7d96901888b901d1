// Philox4x32-10 (Salmon et al., SC'11) for many counters abreast: see rng_batch.hpp.
//
// The round is Random123's (philox.h): with M0 = 0xD2511F53, M1 = 0xCD9E8D57,
//   (hi0, lo0) = M0 * c0, (hi1, lo1) = M1 * c2,  c = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0),
// and the key is bumped by (0x9E3779B9, 0xBB67AE85) before each round after the first. Written
// over columns of kLanes counters so the compiler turns each line into vector instructions; the
// arithmetic is on 32-bit integers, so the words are exactly the scalar ones on every processor.
#include "sim/rng_batch.hpp"

#include <algorithm>

namespace wellsim::sim {

namespace {

constexpr int kLanes = 16;
constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
constexpr std::uint32_t kBump0 = 0x9E3779B9u, kBump1 = 0xBB67AE85u;

// Clones for AVX2 and the baseline; the loader picks one by the processor (GCC's ifunc).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define WELLSIM_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define WELLSIM_VECTOR_CLONES
#endif

/// kLanes counters (stream, step, first + j, draw), ten rounds, written out four words each.
WELLSIM_VECTOR_CLONES
void lanes(std::uint32_t stream, std::uint32_t step, std::uint32_t first, std::uint32_t draw,
           std::uint32_t key0, std::uint32_t key1, std::uint32_t* out) {
  std::uint32_t c0[kLanes], c1[kLanes], c2[kLanes], c3[kLanes];
  for (int j = 0; j < kLanes; ++j)
    c0[j] = stream, c1[j] = step, c2[j] = first + static_cast<std::uint32_t>(j), c3[j] = draw;
  std::uint32_t k0 = key0, k1 = key1;
  for (int round = 0; round < 10; ++round) {
    if (round > 0) k0 += kBump0, k1 += kBump1;
    for (int j = 0; j < kLanes; ++j) {
      const std::uint64_t p0 = std::uint64_t{kM0} * c0[j], p1 = std::uint64_t{kM1} * c2[j];
      const auto n0 = static_cast<std::uint32_t>(p1 >> 32) ^ c1[j] ^ k0;
      const auto n2 = static_cast<std::uint32_t>(p0 >> 32) ^ c3[j] ^ k1;
      c0[j] = n0, c1[j] = static_cast<std::uint32_t>(p1), c2[j] = n2,
      c3[j] = static_cast<std::uint32_t>(p0);
    }
  }
  for (int j = 0; j < kLanes; ++j)
    out[4 * j] = c0[j], out[4 * j + 1] = c1[j], out[4 * j + 2] = c2[j], out[4 * j + 3] = c3[j];
}

}  // namespace

void words_batch(const RandomStream& stream, std::uint32_t step, std::uint32_t first,
                 std::uint32_t count, std::uint32_t draw, std::uint32_t* out) {
  const auto& key = stream.key();
  std::uint32_t done = 0;
  for (; done + kLanes <= count; done += kLanes)
    lanes(stream.stream_word(), step, first + done, draw, key[0], key[1], out + 4 * done);
  if (done == count) return;
  std::uint32_t tail[4 * kLanes];
  lanes(stream.stream_word(), step, first + done, draw, key[0], key[1], tail);
  std::copy(tail, tail + 4 * (count - done), out + 4 * done);
}

}  // namespace wellsim::sim
