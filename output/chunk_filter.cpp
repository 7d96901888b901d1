// Why this file exists: HDF5 filters a dataset's chunks one at a time on the calling thread;
// encoding the shuffle+deflate chunks of a per-agent row here, in parallel, and storing them with
// H5Dwrite_chunk keeps a recorded step from costing one core's worth of compression.
#include "output/chunk_filter.hpp"

#include <zlib.h>

#include <algorithm>
#include <memory>

#include "output/h5_handle.hpp"

namespace wellsim::output::h5 {

void shuffle_deflate(const std::uint8_t* chunk, std::size_t bytes, std::size_t element_size,
                     std::vector<std::uint8_t>& scratch, std::vector<std::uint8_t>& out) {
  // H5Z shuffle: byte j of element i goes to j*n + i, so the slowly varying high bytes of
  // neighbouring values sit together; trailing bytes of a partial element are copied as is.
  const std::size_t n = bytes / element_size;
  scratch.resize(bytes);
  if (element_size > 1 && n > 1) {
    for (std::size_t j = 0; j < element_size; ++j) {
      std::uint8_t* dst = scratch.data() + j * n;
      const std::uint8_t* src = chunk + j;
      for (std::size_t i = 0; i < n; ++i) dst[i] = src[i * element_size];
    }
    std::copy(chunk + n * element_size, chunk + bytes, scratch.data() + n * element_size);
  } else {
    std::copy(chunk, chunk + bytes, scratch.data());
  }

  z_stream z{};
  // Level 1 only picks zlib's fast settings; Z_HUFFMAN_ONLY skips match search altogether.
  if (deflateInit2(&z, 1, Z_DEFLATED, 15, 8, Z_HUFFMAN_ONLY) != Z_OK)
    throw Error("cannot start deflate");
  std::unique_ptr<z_stream, int (*)(z_stream*)> end(&z, deflateEnd);
  out.resize(deflateBound(&z, static_cast<uLong>(bytes)));
  z.next_in = scratch.data();
  z.avail_in = static_cast<uInt>(bytes);
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw Error("deflate failed");
  out.resize(z.total_out);
}

}  // namespace wellsim::output::h5
