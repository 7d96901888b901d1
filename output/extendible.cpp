// Why this file exists: every per-step dataset grows by one row per step for the whole run;
// one handle that stays open and extends in place makes a step a few small writes.
#include "output/extendible.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "output/chunk_filter.hpp"

namespace wellsim::output::h5 {

Extendible::Extendible(hid_t parent, const std::string& name, hid_t file_type,
                       std::optional<hsize_t> width, hsize_t chunk_rows, int compression)
    : name_(name),
      file_type_(file_type),
      rank_(width ? 2 : 1),
      compression_(compression),
      width_(width.value_or(1)),
      chunk_width_(std::max<hsize_t>(1, std::min(width_, kMaxChunkElements))) {
  const hsize_t dims[2] = {0, width_};
  const hsize_t max[2] = {H5S_UNLIMITED, width_};
  const hsize_t chunk[2] = {chunk_rows, chunk_width_};
  Space space = make_space(rank_, dims, max);
  Plist dcpl = chunked(rank_, chunk, compression, name);
  dataset_ =
      Dataset(H5Dcreate2(parent, name.c_str(), file_type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
              "cannot create dataset " + name);
  row_space_ = make_space(1, &width_);
}

Extendible Extendible::reopen(hid_t parent, const std::string& name, hsize_t rows,
                              int compression) {
  Extendible e;
  e.name_ = name;
  e.compression_ = compression;
  e.dataset_ = Dataset(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "cannot open " + name);
  e.own_type_ = Type(H5Dget_type(e.dataset_), "cannot get the type of " + name);
  e.file_type_ = e.own_type_.id();
  Space space(H5Dget_space(e.dataset_), "cannot get the shape of " + name);
  hsize_t dims[2] = {0, 1};
  e.rank_ = check(H5Sget_simple_extent_ndims(space), "cannot get the rank of " + name);
  if (e.rank_ != 1 && e.rank_ != 2) throw Error(name + " is not 1-D or 2-D");
  H5Sget_simple_extent_dims(space, dims, nullptr);
  if (rows > dims[0])
    throw Error(name + " has " + std::to_string(dims[0]) + " rows, fewer than " +
                std::to_string(rows));
  e.width_ = e.rank_ == 2 ? dims[1] : 1;
  e.chunk_width_ = std::max<hsize_t>(1, std::min(e.width_, kMaxChunkElements));
  e.rows_ = rows;
  dims[0] = rows;
  check(H5Dset_extent(e.dataset_, dims), "cannot cut " + name);
  e.row_space_ = make_space(1, &e.width_);
  return e;
}

void Extendible::append_raw(hid_t mem, const void* row) {
  const hsize_t dims[2] = {rows_ + 1, width_};
  check(H5Dset_extent(dataset_, dims), "cannot extend " + name_);
  // Rows in the file's byte order are filtered here; anything needing conversion goes through
  // HDF5 (on little-endian machines every compressed row takes the first branch).
  if (rank_ == 2 && compression_ > 0 && H5Tequal(mem, file_type_) > 0) {
    write_chunks(row);
  } else {
    Space file_space(H5Dget_space(dataset_), "cannot get the shape of " + name_);
    const hsize_t start[2] = {rows_, 0};
    const hsize_t count[2] = {1, width_};
    check(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, start, nullptr, count, nullptr),
          "cannot select a row of " + name_);
    check(H5Dwrite(dataset_, mem, row_space_, file_space, H5P_DEFAULT, row),
          "cannot write " + name_);
  }
  ++rows_;
}

void Extendible::append_many(hid_t mem, const void* values, hsize_t count) {
  if (rank_ != 1) throw std::logic_error("Extendible::append_values on a 2-D dataset " + name_);
  if (count == 0) return;
  const hsize_t dims[1] = {rows_ + count};
  check(H5Dset_extent(dataset_, dims), "cannot extend " + name_);
  Space file_space(H5Dget_space(dataset_), "cannot get the shape of " + name_);
  const hsize_t start[1] = {rows_};
  check(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, start, nullptr, &count, nullptr),
        "cannot select rows of " + name_);
  Space mem_space = make_space(1, &count);
  check(H5Dwrite(dataset_, mem, mem_space, file_space, H5P_DEFAULT, values),
        "cannot write " + name_);
  rows_ += count;
}

void Extendible::write_chunks(const void* row) {
  const std::size_t element = H5Tget_size(file_type_);
  const std::size_t chunk_bytes = chunk_width_ * element;
  const std::size_t chunks = (width_ + chunk_width_ - 1) / chunk_width_;
  buffers_.resize(std::min(chunks, kChunkWindow));
  // A window of chunks is filtered in parallel, then stored in order: the encoded row is never
  // held whole (at 67.6 M people it was 0.9 GB besides the agents' own columns), and each chunk
  // is filtered independently, so the bytes do not depend on the thread count.
  for (std::size_t w = 0; w < chunks; w += kChunkWindow) {
    const std::size_t last = std::min(chunks, w + kChunkWindow);
    tbb::parallel_for(w, last, [&](std::size_t c) {
      ChunkBuffers& b = buffers_[c - w];
      const std::size_t first = c * chunk_width_;
      const std::size_t count = std::min<std::size_t>(chunk_width_, width_ - first);
      const auto* src = static_cast<const std::uint8_t*>(row) + first * element;
      if (count < chunk_width_) {  // the edge chunk is stored whole, padded with the fill value 0
        b.padded.assign(chunk_bytes, 0);
        std::memcpy(b.padded.data(), src, count * element);
        src = b.padded.data();
      }
      shuffle_deflate(src, chunk_bytes, element, b.shuffled, b.compressed);
    });
    for (std::size_t c = w; c < last; ++c) {
      const hsize_t offset[2] = {rows_, c * chunk_width_};
      const ChunkBuffers& b = buffers_[c - w];
      check(H5Dwrite_chunk(dataset_, H5P_DEFAULT, 0, offset, b.compressed.size(),
                           b.compressed.data()),
            "cannot write " + name_);
    }
  }
}

std::size_t Extendible::buffered_bytes() const {
  std::size_t bytes = 0;
  for (const ChunkBuffers& b : buffers_)
    bytes += b.padded.capacity() + b.shuffled.capacity() + b.compressed.capacity();
  return bytes;
}

}  // namespace wellsim::output::h5
