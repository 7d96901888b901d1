#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace wellsim::output::h5 {

/// Encodes one chunk for a dataset whose filters are shuffle then deflate, as HDF5 would store
/// it: bytes transposed exactly as the H5Z shuffle filter does, then one zlib stream that
/// HDF5's deflate filter (and so h5py) inflates like any other.
///
/// The writer filters the chunks of a per-agent row in parallel with this and stores them with
/// H5Dwrite_chunk, because HDF5 filters chunks one at a time on the calling thread. The zlib
/// stream is Huffman-only (no match search): on shuffled float32 wellbeing it compresses as
/// well as deflate level 6 at a third of the time of level 1 (docs/output-format.md has the
/// measurements). The output is a pure function of the chunk, so runs stay bit-identical.
void shuffle_deflate(const std::uint8_t* chunk, std::size_t bytes, std::size_t element_size,
                     std::vector<std::uint8_t>& scratch, std::vector<std::uint8_t>& out);

}  // namespace wellsim::output::h5
