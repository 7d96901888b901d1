#pragma once
// Many Philox draws at once: the same words as RandomStream::words, for a run of agents.
#include <cstdint>

#include "sim/rng.hpp"

namespace wellsim::sim {

/// Writes words(step, first + j, draw) of `stream` for j in [0, count) to out[4 j .. 4 j + 3]:
/// exactly the words RandomStream::words returns one agent at a time (tests/sim/rng_test.cpp
/// compares them), computed many agents abreast so that the multiplications run in vector
/// registers (AVX2, where the processor has it). Life events draw two such words a person a
/// week; one at a time they were most of the mechanism's cost.
void words_batch(const RandomStream& stream, std::uint32_t step, std::uint32_t first,
                 std::uint32_t count, std::uint32_t draw, std::uint32_t* out);

/// The same words one agent at a time: the path words_batch takes without AVX2 (tested too).
void words_batch_scalar(const RandomStream& stream, std::uint32_t step, std::uint32_t first,
                        std::uint32_t count, std::uint32_t draw, std::uint32_t* out);

}  // namespace wellsim::sim
