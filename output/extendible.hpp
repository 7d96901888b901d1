#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "output/h5_util.hpp"

namespace wellsim::output::h5 {

/// Chunks of a row filtered at once (then stored before the next ones are filtered): enough to
/// keep sixteen threads busy, few enough that a row is never held compressed in full.
inline constexpr std::size_t kChunkWindow = 16;

/// A dataset that grows by one row at a time along its first axis: 1-D (one value per row)
/// without a `width`, otherwise [rows, width]. The handle stays open for the whole run so a step
/// costs one extent change and one write, never a lookup.
///
/// Compressed 2-D rows are filtered here, chunk by chunk in parallel, and stored with
/// H5Dwrite_chunk (see chunk_filter.hpp); everything else goes through H5Dwrite.
class Extendible {
 public:
  /// An empty placeholder.
  Extendible() = default;
  /// Creates the dataset with chunks of `chunk_rows` rows of at most kMaxChunkElements values.
  Extendible(hid_t parent, const std::string& name, hid_t file_type, std::optional<hsize_t> width,
             hsize_t chunk_rows, int compression);
  /// Opens dataset `name` of `parent` (made by this class) to go on appending after its first
  /// `rows` rows; any rows beyond are cut off. `compression` must be the level it was made with.
  static Extendible reopen(hid_t parent, const std::string& name, hsize_t rows, int compression);
  /// Appends one row (`width()` values).
  template <typename T>
  void append(const T* row) {
    append_raw(TypeOf<T>::mem(), row);
  }
  /// Appends one value to a 1-D dataset.
  template <typename T>
  void append_value(T value) {
    append_raw(TypeOf<T>::mem(), &value);
  }
  /// Appends `count` values to a 1-D dataset in one write (no-op for zero).
  template <typename T>
  void append_values(const T* values, hsize_t count) {
    append_many(TypeOf<T>::mem(), values, count);
  }
  /// Values per row (1 for a 1-D dataset).
  hsize_t width() const { return width_; }
  /// Rows written so far.
  hsize_t rows() const { return rows_; }
  /// Bytes the chunk filter keeps between rows (its buffers), at most kChunkWindow chunks' worth.
  std::size_t buffered_bytes() const;
  /// True once it holds a dataset (false for the placeholder).
  explicit operator bool() const { return static_cast<bool>(dataset_); }

 private:
  struct ChunkBuffers {
    std::vector<std::uint8_t> padded, shuffled, compressed;
  };
  void append_raw(hid_t mem, const void* row);
  void append_many(hid_t mem, const void* values, hsize_t count);
  void write_chunks(const void* row);

  Dataset dataset_;
  Type own_type_;    // the file type of a reopened dataset (file_type_ points to it)
  Space row_space_;  // memory layout of one row, made once
  std::string name_;
  hid_t file_type_ = H5I_INVALID_HID;  // a predefined type: never closed
  int rank_ = 1;
  int compression_ = 0;
  hsize_t width_ = 1;
  hsize_t chunk_width_ = 1;
  hsize_t rows_ = 0;
  std::vector<ChunkBuffers> buffers_;  // one window, kept between rows: no 1 MiB allocations each
};

}  // namespace wellsim::output::h5
